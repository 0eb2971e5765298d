#ifndef NEWSBUS_CCLD2_H
#define NEWSBUS_CCLD2_H

#ifdef __cplusplus
extern "C" {
#endif

/* The most likely language of a UTF-8 text, as CLD2 sees it. */
typedef struct {
    char code[16];      /* ISO 639-1 code as CLD2 writes it ("fr", "zh-Hant"), "un" when unknown */
    int percent;        /* share of the text's bytes in that language, 0-100 */
    int reliable;       /* 1 when CLD2 calls the answer reliable */
    int text_bytes;     /* bytes of letters CLD2 scored */
} ccld2_result;

/* Detects the language of `length` bytes of UTF-8 text (invalid UTF-8 yields "un"). Never fails. */
void ccld2_detect(const char *utf8, int length, ccld2_result *result);

#ifdef __cplusplus
}
#endif

#endif
