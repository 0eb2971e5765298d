#include <cstdio>
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "ccld2.h"

extern "C" void ccld2_detect(const char *utf8, int length, ccld2_result *result) {
    CLD2::Language language3[3];
    int percent3[3] = {0, 0, 0};
    double normalized3[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    int valid_prefix = 0;
    CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        utf8, length, true, nullptr, 0, language3, percent3, normalized3, nullptr, &text_bytes, &reliable,
        &valid_prefix);
    const char *code = CLD2::LanguageCode(top);
    std::strncpy(result->code, code ? code : "un", sizeof result->code - 1);
    result->code[sizeof result->code - 1] = '\0';
    result->percent = percent3[0];
    result->reliable = reliable ? 1 : 0;
    result->text_bytes = text_bytes;
}
