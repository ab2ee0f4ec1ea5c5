#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/utrans.h>
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>
#include <unicode/uset.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
int cicu_is_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }
int cicu_is_timeout(int32_t status) { return status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW; }
int cicu_is_buffer_overflow(int32_t status) { return status == U_BUFFER_OVERFLOW_ERROR; }

// --- regex ---
struct cicu_regex { URegularExpression *re; };

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                            int32_t *error_line, int32_t *error_offset, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  memset(&pe, 0, sizeof pe);
  URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &st);
  *status = st;
  *error_line = pe.line;
  *error_offset = pe.offset;
  if (U_FAILURE(st) || re == NULL) {
    if (re) uregex_close(re);
    return NULL;
  }
  cicu_regex *h = (cicu_regex *)malloc(sizeof(cicu_regex));
  if (!h) { uregex_close(re); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  h->re = re;
  return h;
}

cicu_regex *cicu_regex_clone(const cicu_regex *src, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  URegularExpression *re = uregex_clone(src->re, &st);
  *status = st;
  if (U_FAILURE(st) || re == NULL) return NULL;
  cicu_regex *h = (cicu_regex *)malloc(sizeof(cicu_regex));
  if (!h) { uregex_close(re); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  h->re = re;
  return h;
}

void cicu_regex_close(cicu_regex *h) {
  if (!h) return;
  uregex_close(h->re);
  free(h);
}

void cicu_regex_set_time_limit(cicu_regex *h, int32_t limit, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  uregex_setTimeLimit(h->re, limit, &st);
  *status = st;
}

void cicu_regex_set_text(cicu_regex *h, const uint16_t *text, int32_t length, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  static const UChar empty[1] = {0};
  uregex_setText(h->re, text ? (const UChar *)text : empty, text ? length : 0, &st);
  *status = st;
}

int cicu_regex_find(cicu_regex *h, int32_t start, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UBool r = uregex_find(h->re, start, &st);
  *status = st;
  return U_SUCCESS(st) && r ? 1 : 0;
}

int cicu_regex_find_next(cicu_regex *h, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UBool r = uregex_findNext(h->re, &st);
  *status = st;
  return U_SUCCESS(st) && r ? 1 : 0;
}

int cicu_regex_looking_at(cicu_regex *h, int32_t start, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UBool r = uregex_lookingAt(h->re, start, &st);
  *status = st;
  return U_SUCCESS(st) && r ? 1 : 0;
}

int32_t cicu_regex_group_count(cicu_regex *h, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uregex_groupCount(h->re, &st);
  *status = st;
  return n;
}

int32_t cicu_regex_start(cicu_regex *h, int32_t group, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uregex_start(h->re, group, &st);
  *status = st;
  return n;
}

int32_t cicu_regex_end(cicu_regex *h, int32_t group, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uregex_end(h->re, group, &st);
  *status = st;
  return n;
}

int32_t cicu_regex_group_number(cicu_regex *h, const uint16_t *name, int32_t length, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uregex_groupNumberFromName(h->re, (const UChar *)name, length, &st);
  *status = st;
  return U_SUCCESS(st) ? n : -1;
}

// --- character sets ---
int32_t cicu_set_ranges(const uint16_t *pattern, int32_t length, uint32_t *ranges, int32_t capacity,
                        int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  USet *set = uset_openPattern((const UChar *)pattern, length, &st);
  if (U_FAILURE(st)) {
    *status = st;
    if (set) uset_close(set);
    return -1;
  }
  int32_t items = uset_getItemCount(set);
  int32_t n = 0;
  for (int32_t i = 0; i < items; i++) {
    UChar32 start = 0, end = 0;
    UErrorCode ist = U_ZERO_ERROR;
    int32_t len = uset_getItem(set, i, &start, &end, NULL, 0, &ist);
    if (len != 0) continue;  // a string, not a range
    if (n < capacity) {
      ranges[2 * n] = (uint32_t)start;
      ranges[2 * n + 1] = (uint32_t)end;
    }
    n++;
  }
  uset_close(set);
  *status = U_ZERO_ERROR;
  return n;
}

// --- transliteration ---
struct cicu_trans { UTransliterator *t; };

cicu_trans *cicu_trans_open(const uint16_t *id, int32_t length, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UTransliterator *t = utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, NULL, &st);
  *status = st;
  if (U_FAILURE(st) || !t) return NULL;
  cicu_trans *h = (cicu_trans *)malloc(sizeof(cicu_trans));
  if (!h) { utrans_close(t); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  h->t = t;
  return h;
}

void cicu_trans_close(cicu_trans *h) {
  if (!h) return;
  utrans_close(h->t);
  free(h);
}

void cicu_trans_run(const cicu_trans *h, uint16_t *buf, int32_t *length, int32_t capacity, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t limit = *length;
  utrans_transUChars(h->t, (UChar *)buf, length, capacity, 0, &limit, &st);
  *status = st;
}

int32_t cicu_trans_rules(const cicu_trans *h, uint16_t *dest, int32_t capacity, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = utrans_toRules(h->t, 0, (UChar *)dest, capacity, &st);
  *status = st;
  return n;
}

// --- normalization ---
static const UNormalizer2 *cicu_norm(int form, UErrorCode *st) {
  switch (form) {
    case CICU_NFKC: return unorm2_getNFKCInstance(st);
    case CICU_NFD: return unorm2_getNFDInstance(st);
    case CICU_NFKD: return unorm2_getNFKDInstance(st);
    default: return unorm2_getNFCInstance(st);
  }
}

int32_t cicu_normalize(int form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                       int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *n = cicu_norm(form, &st);
  if (U_FAILURE(st)) { *status = st; return 0; }
  int32_t r = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &st);
  *status = st;
  return r;
}

int cicu_is_normalized(int form, const uint16_t *src, int32_t length, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *n = cicu_norm(form, &st);
  if (U_FAILURE(st)) { *status = st; return 0; }
  UBool r = unorm2_isNormalized(n, (const UChar *)src, length, &st);
  *status = st;
  return r ? 1 : 0;
}

// --- conversion ---
int32_t cicu_decode(const char *charset, const char *src, int32_t length, uint16_t *dest, int32_t capacity,
                    int32_t *bad_offsets, int32_t bad_capacity, int32_t *bad_count, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  *bad_count = 0;
  UConverter *cnv = ucnv_open(charset, &st);
  if (U_FAILURE(st) || !cnv) { *status = st; return 0; }
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
  if (U_FAILURE(st)) { ucnv_close(cnv); *status = st; return 0; }

  const char *in = src;
  const char *in_end = src + length;
  int32_t written = 0;
  UChar chunk[4096];
  for (;;) {
    UChar *out = chunk;
    UErrorCode cst = U_ZERO_ERROR;
    const char *before = in;
    ucnv_toUnicode(cnv, &out, chunk + 4096, &in, in_end, NULL, 1, &cst);
    (void)before;
    int32_t produced = (int32_t)(out - chunk);
    for (int32_t i = 0; i < produced; i++, written++)
      if (written < capacity) dest[written] = chunk[i];
    if (cst == U_BUFFER_OVERFLOW_ERROR) continue;  // more output pending
    if (cst == U_INVALID_CHAR_FOUND || cst == U_ILLEGAL_CHAR_FOUND || cst == U_TRUNCATED_CHAR_FOUND) {
      char bad[32];
      int8_t badlen = sizeof bad;
      UErrorCode gst = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv, bad, &badlen, &gst);
      int32_t offset = (int32_t)(in - src) - (U_SUCCESS(gst) ? badlen : 1);
      if (offset < 0) offset = 0;
      if (*bad_count < bad_capacity) bad_offsets[*bad_count] = offset;
      (*bad_count)++;
      if (written < capacity) dest[written] = 0xFFFD;
      written++;
      ucnv_reset(cnv);
      if (in >= in_end) break;
      continue;
    }
    if (U_FAILURE(cst)) { st = cst; break; }
    if (in >= in_end) break;
  }
  ucnv_close(cnv);
  *status = (U_FAILURE(st)) ? st : (written > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR);
  return written;
}

const char *cicu_charset_canonical(const char *label, int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  const char *name = ucnv_getCanonicalName(label, "", &st);
  if (U_FAILURE(st) || name == NULL || name[0] == 0) {
    // try the converter's own alias table
    UErrorCode st2 = U_ZERO_ERROR;
    name = ucnv_getAlias(label, 0, &st2);
    if (U_FAILURE(st2) || name == NULL) { *status = U_FAILURE(st) ? st : st2; return NULL; }
  }
  *status = U_ZERO_ERROR;
  return name;
}

// --- detection ---
int32_t cicu_detect(const char *src, int32_t length, char names[][32], int32_t *confidences, int32_t capacity,
                    int32_t *status) {
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector *d = ucsdet_open(&st);
  if (U_FAILURE(st)) { *status = st; return 0; }
  ucsdet_setText(d, src, length, &st);
  int32_t found = 0;
  const UCharsetMatch **m = ucsdet_detectAll(d, &found, &st);
  int32_t n = 0;
  if (U_SUCCESS(st) && m) {
    for (int32_t i = 0; i < found && n < capacity; i++) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char *name = ucsdet_getName(m[i], &s2);
      int32_t conf = ucsdet_getConfidence(m[i], &s2);
      if (U_FAILURE(s2) || !name) continue;
      strncpy(names[n], name, 31);
      names[n][31] = 0;
      confidences[n] = conf;
      n++;
    }
  }
  ucsdet_close(d);
  *status = st;
  return n;
}
