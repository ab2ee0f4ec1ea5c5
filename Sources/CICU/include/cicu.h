// A plain-C facade over the parts of ICU that Gongwen uses.
//
// Only C types appear here (no ICU headers), so Swift modules that also import
// Foundation (which carries its own ICU) never see two definitions of UErrorCode.
// ICU's versioned symbol names (uregex_open_72 ...) stay inside cicu.c.
// Every function takes a fresh `int32_t *status` (an ICU UErrorCode value):
// > 0 is a failure, <= 0 success (negative values are warnings).
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// --- status ---------------------------------------------------------------
const char *cicu_error_name(int32_t status);
int cicu_is_failure(int32_t status);
int cicu_is_timeout(int32_t status);
int cicu_is_buffer_overflow(int32_t status);

// --- regular expressions (uregex) -----------------------------------------
typedef struct cicu_regex cicu_regex;
enum {
  CICU_REGEX_CASE_INSENSITIVE = 2,
  CICU_REGEX_COMMENTS = 4,
  CICU_REGEX_DOTALL = 32,
  CICU_REGEX_MULTILINE = 8,
};
// Compiles `pattern`. On failure returns NULL and fills *status, *error_line and
// *error_offset (UTF-16 offset inside the line, as ICU reports it).
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                            int32_t *error_line, int32_t *error_offset, int32_t *status);
cicu_regex *cicu_regex_clone(const cicu_regex *re, int32_t *status);
void cicu_regex_close(cicu_regex *re);
// The limit is in ICU match steps ("typically on the order of milliseconds"); 0 = none.
void cicu_regex_set_time_limit(cicu_regex *re, int32_t limit, int32_t *status);
// ICU keeps a pointer to `text`: the caller keeps it alive until the next set_text or close.
void cicu_regex_set_text(cicu_regex *re, const uint16_t *text, int32_t length, int32_t *status);
// Finds the first match at or after `start` (UTF-16 index). Returns 1 if found.
int cicu_regex_find(cicu_regex *re, int32_t start, int32_t *status);
// Continues after the previous match. Returns 1 if found.
int cicu_regex_find_next(cicu_regex *re, int32_t *status);
// Anchored match of the whole region starting at `start` (uregex_lookingAt). Returns 1 if it matches.
int cicu_regex_looking_at(cicu_regex *re, int32_t start, int32_t *status);
int32_t cicu_regex_group_count(cicu_regex *re, int32_t *status);
int32_t cicu_regex_start(cicu_regex *re, int32_t group, int32_t *status);
int32_t cicu_regex_end(cicu_regex *re, int32_t group, int32_t *status);
// Index of a named group, or -1.
int32_t cicu_regex_group_number(cicu_regex *re, const uint16_t *name, int32_t length, int32_t *status);

// --- character sets (uset) -------------------------------------------------
// The code point ranges of a UnicodeSet pattern such as `[\p{Han}]` or `[（(]`: writes up to
// `capacity` start/end pairs into `ranges` (2 * capacity values) and returns the number of ranges,
// which may exceed `capacity` (call again with more room). Strings in the set are skipped.
// Returns -1 with *status set when the pattern is not a valid set.
int32_t cicu_set_ranges(const uint16_t *pattern, int32_t length, uint32_t *ranges, int32_t capacity,
                        int32_t *status);

// --- transliteration (utrans) ---------------------------------------------
typedef struct cicu_trans cicu_trans;
cicu_trans *cicu_trans_open(const uint16_t *id, int32_t length, int32_t *status);
void cicu_trans_close(cicu_trans *t);
// Transliterates buf[0..*length) in place; returns the new length in *length.
// If capacity is too small, *status reports a buffer overflow and *length the needed size.
void cicu_trans_run(const cicu_trans *t, uint16_t *buf, int32_t *length, int32_t capacity, int32_t *status);
// The transliterator's rules as ICU writes them (utrans_toRules, unprintable characters not escaped);
// returns the length in UTF-16 units, which may exceed capacity (preflight with capacity 0).
int32_t cicu_trans_rules(const cicu_trans *t, uint16_t *dest, int32_t capacity, int32_t *status);

// --- normalization (unorm2) -------------------------------------------------
enum { CICU_NFC = 0, CICU_NFKC = 1, CICU_NFD = 2, CICU_NFKD = 3 };
// Returns the output length (preflight with capacity 0).
int32_t cicu_normalize(int form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                       int32_t *status);
int cicu_is_normalized(int form, const uint16_t *src, int32_t length, int32_t *status);

// --- charset conversion (ucnv) ----------------------------------------------
// Decodes `src` in `charset` to UTF-16, stopping at nothing: each undecodable byte
// sequence becomes U+FFFD and its byte offset is written to bad_offsets (up to
// bad_capacity entries; *bad_count receives the total number found).
// Returns the UTF-16 length written (preflight with capacity 0 to size `dest`).
int32_t cicu_decode(const char *charset, const char *src, int32_t length, uint16_t *dest, int32_t capacity,
                    int32_t *bad_offsets, int32_t bad_capacity, int32_t *bad_count, int32_t *status);
// Canonical ICU name for a charset label ("gb2312" -> "GB2312"), or NULL if unknown.
const char *cicu_charset_canonical(const char *label, int32_t *status);

// --- charset detection (ucsdet) ---------------------------------------------
// Writes up to `capacity` candidates (name into names[i] of 32 bytes, confidence 0-100).
// Returns the number written.
int32_t cicu_detect(const char *src, int32_t length, char names[][32], int32_t *confidences, int32_t capacity,
                    int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
