// Decoded text of any charset made valid UTF-8: see rapport_text_to_utf8 in include/MimeShim.h.
#include "MimeShim.h"
#include <gmime/gmime.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/// Whether `bytes` is well-formed UTF-8 without NUL, the judgement of g_utf8_validate_len (RFC 3629:
/// no overlong forms, no surrogates, nothing past U+10FFFF). Mail text is mostly ASCII with a few
/// other letters, so ASCII is skipped eight bytes at a time; GLib's byte-by-byte loop was 2% of an
/// ingest of the heavy benchmark shape.
int rapport_utf8_is_valid(const char *bytes, size_t length) {
    const unsigned char *p = (const unsigned char *)bytes, *end = p + length;
    while (p < end) {
        if (end - p >= 8) {
            uint64_t word;
            memcpy(&word, p, sizeof word);
            uint64_t has_zero = (word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL;
            if ((word & 0x8080808080808080ULL) == 0 && has_zero == 0) {
                p += 8;
                continue;
            }
        }
        unsigned char c = *p;
        if (c == 0) return 0;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t more;
        uint32_t scalar;
        if (c >= 0xC2 && c <= 0xDF) { more = 1; scalar = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { more = 2; scalar = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { more = 3; scalar = c & 0x07; }
        else return 0;
        if ((size_t)(end - p) <= more) return 0;
        for (size_t i = 1; i <= more; i++) {
            if ((p[i] & 0xC0) != 0x80) return 0;
            scalar = (scalar << 6) | (p[i] & 0x3F);
        }
        if (more == 2 && (scalar < 0x800 || (scalar >= 0xD800 && scalar <= 0xDFFF))) return 0;
        if (more == 3 && (scalar < 0x10000 || scalar > 0x10FFFF)) return 0;
        p += more + 1;
    }
    return 1;
}

static int is_utf8_or_ascii(const char *charset) {
    if (charset == NULL) return 1;
    const char *canon = g_mime_charset_canon_name(charset);
    return g_ascii_strcasecmp(canon, "utf-8") == 0 || g_ascii_strcasecmp(canon, "us-ascii") == 0
        || g_ascii_strcasecmp(canon, "ascii") == 0;
}

// Converts with iconv, replacing each undecodable byte by U+FFFD instead of giving up.
// Returns NULL when iconv does not know the charset.
static GString *convert_with_iconv(const char *bytes, size_t length, const char *charset) {
    // Plain iconv_open on GMime's canonical name: g_mime_iconv_open quietly succeeds for names
    // iconv does not know, and we want to know, to fall back to a guess instead.
    iconv_t cd = iconv_open("UTF-8", g_mime_charset_iconv_name(charset));
    if (cd == (iconv_t)-1) return NULL;
    GString *out = g_string_sized_new(length + length / 4 + 16);
    char buffer[8192];
    char *in = (char *)bytes;
    size_t left = length;
    while (left > 0) {
        char *outp = buffer;
        size_t outleft = sizeof(buffer);
        size_t result = iconv(cd, &in, &left, &outp, &outleft);
        g_string_append_len(out, buffer, outp - buffer);
        if (result != (size_t)-1) continue;
        if (errno == E2BIG) continue;
        g_string_append(out, REPLACEMENT);
        if (errno == EILSEQ && left > 0) {
            in++;
            left--;
            continue;
        }
        break; // EINVAL: an incomplete sequence at the end (a cut body); stop here.
    }
    char *outp = buffer;
    size_t outleft = sizeof(buffer);
    iconv(cd, NULL, NULL, &outp, &outleft);
    g_string_append_len(out, buffer, outp - buffer);
    iconv_close(cd);
    return out;
}

// MARK: - Windows-1252 by table

/// Each byte of Windows-1252 as UTF-8 (NUL-terminated), as iconv converts it alone: U+FFFD for the
/// five bytes iconv refuses. Built from iconv itself, once, so the table cannot disagree with it.
/// Windows-1252 is also how ISO-8859-1 is read (see to_utf8_checked): a quarter of the heavy
/// benchmark's text parts, where iconv's two-step conversion was 3% of an ingest.
static char windows_1252[256][4];
static int windows_1252_ready;
static const char *windows_1252_iconv_name;
static pthread_once_t windows_1252_once = PTHREAD_ONCE_INIT;

static void build_windows_1252(void) {
    windows_1252_iconv_name = g_mime_charset_iconv_name("windows-1252");
    for (int byte = 0; byte < 256; byte++) {
        char in = (char)byte;
        GString *converted = convert_with_iconv(&in, 1, "windows-1252");
        if (converted == NULL) return;
        if (converted->len >= sizeof windows_1252[byte]) {
            g_string_free(converted, TRUE);
            return;
        }
        memcpy(windows_1252[byte], converted->str, converted->len + 1);
        g_string_free(converted, TRUE);
    }
    windows_1252_ready = 1;
}

static int is_windows_1252(const char *charset) {
    pthread_once(&windows_1252_once, build_windows_1252);
    return windows_1252_ready && g_ascii_strcasecmp(g_mime_charset_iconv_name(charset), windows_1252_iconv_name) == 0;
}

static char *windows_1252_to_utf8(const char *bytes, size_t length, size_t *out_length) {
    GString *out = g_string_sized_new(length + length / 4 + 16);
    const unsigned char *p = (const unsigned char *)bytes, *end = p + length;
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p < 0x80) p++;
        g_string_append_len(out, (const char *)run, p - run);
        if (p < end) g_string_append(out, windows_1252[*p++]);
    }
    *out_length = out->len;
    return g_string_free(out, FALSE);
}

// MARK: - Any text to UTF-8

static char *to_utf8_checked(const char *bytes, size_t length, const char *charset, int tables, size_t *out_length) {
    if (is_utf8_or_ascii(charset)) {
        if (tables ? rapport_utf8_is_valid(bytes, length) : g_utf8_validate_len(bytes, length, NULL)) {
            *out_length = length;
            return g_strndup(bytes, length);
        }
        if (charset != NULL && g_ascii_strcasecmp(g_mime_charset_canon_name(charset), "utf-8") == 0) {
            char *valid = g_utf8_make_valid(bytes, length);
            *out_length = strlen(valid);
            return valid;
        }
        // Declared ASCII (or nothing) but 8-bit: let GMime guess from its fallback charsets.
        char *guess = g_mime_utils_decode_8bit(NULL, bytes, length);
        *out_length = strlen(guess);
        return guess;
    }
    // Mail labelled ISO-8859-1 (or its alias Latin-1) is read as Windows-1252, as browsers do (WHATWG
    // Encoding): the two agree on every printable byte, and 0x80-0x9F are €, curly quotes and dashes
    // in the mail that really comes with that label, never the C1 controls ISO-8859-1 would make of them.
    const char *canon = g_mime_charset_canon_name(charset);
    if (g_ascii_strcasecmp(canon, "iso-8859-1") == 0) charset = "windows-1252";
    if (tables && is_windows_1252(charset)) return windows_1252_to_utf8(bytes, length, out_length);
    GString *converted = convert_with_iconv(bytes, length, charset);
    if (converted == NULL) {
        char *guess = g_mime_utils_decode_8bit(NULL, bytes, length);
        *out_length = strlen(guess);
        return guess;
    }
    *out_length = converted->len;
    return g_string_free(converted, FALSE);
}

// NUL bytes are dropped first: they end C strings inside GMime and mean nothing in mail text.
char *rapport_text_to_utf8(const char *bytes, size_t length, const char *charset, int tables, size_t *out_length) {
    rapport_mime_init();
    if (memchr(bytes, 0, length) == NULL) return to_utf8_checked(bytes, length, charset, tables, out_length);
    char *copy = g_malloc(length + 1);
    size_t kept = 0;
    for (size_t i = 0; i < length; i++) {
        if (bytes[i] != 0) copy[kept++] = bytes[i];
    }
    char *result = to_utf8_checked(copy, kept, charset, tables, out_length);
    g_free(copy);
    return result;
}
