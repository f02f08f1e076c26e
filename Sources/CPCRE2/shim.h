#ifndef PHISCAN_CPCRE2_SHIM_H
#define PHISCAN_CPCRE2_SHIM_H

// The 8-bit code unit API; Swift calls the *_8 functions directly because the
// unsuffixed names are function-like macros that Swift cannot import.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Macros with casts are not imported by Swift; expose them as constants.
static const PCRE2_SIZE phi_pcre2_unset = PCRE2_UNSET;
static const PCRE2_SIZE phi_pcre2_zero_terminated = PCRE2_ZERO_TERMINATED;

#endif
