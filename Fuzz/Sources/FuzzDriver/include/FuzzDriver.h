#ifndef PHI_SCAN_FUZZ_DRIVER_H
#define PHI_SCAN_FUZZ_DRIVER_H

/// Runs libFuzzer's driver over the harness's LLVMFuzzerTestOneInput. SwiftPM links
/// executables with `main` aliased to `<Target>_main`, so libFuzzer's own `main` is never
/// pulled in; each harness defines `<Target>_main` and calls this.
int phi_fuzz_main(int argc, char **argv);

#endif
