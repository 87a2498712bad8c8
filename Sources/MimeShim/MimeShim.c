// GMime 3 behind plain C: see include/MimeShim.h for the contract.
#include "MimeShim.h"
#include <gmime/gmime.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_gmime(void) {
    g_mime_init();
    // Undeclared 8-bit text (headers, unknown charsets) is tried as UTF-8, then Windows-1252,
    // a superset of ISO-8859-1 that decodes every byte: the usual case for old Western mail.
    static const char *fallback[] = { "utf-8", "windows-1252", NULL };
    g_mime_parser_options_set_fallback_charsets(g_mime_parser_options_get_default(), fallback);
}

void rapport_mime_init(void) {
    pthread_once(&init_once, init_gmime);
}

void rapport_mime_string_free(char *string) {
    g_free(string);
}

// MARK: - Reading

struct rapport_message {
    GMimeMessage *message;
    GMimeStream *stream;
    /// Leaves found by the last rapport_message_parts call (borrowed from the message).
    GPtrArray *leaves;
    /// A header field was cut to RAPPORT_HEADER_FIELD_CAP, or fields past RAPPORT_HEADER_BLOCK_CAP dropped.
    int headers_cut;
    /// Header fields left out before parsing because nothing reads them (see header_is_read).
    int headers_left_out;
};

// MARK: - Header caps

/// Whether copy_capped_headers would cut anything: a field over RAPPORT_HEADER_FIELD_CAP, or a field
/// starting past RAPPORT_HEADER_BLOCK_CAP. Almost every message is under the caps and is then parsed
/// from the file as it is, so this scan goes a line at a time (memchr) and copies nothing.
static int headers_need_cut(int fd) {
    unsigned char buffer[65536];
    size_t field = 0, block = 0;
    int at_line_start = 1;
    int blank_line = 0;        // the line so far is empty (or just "\r"): it ends the headers
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0) {
        unsigned char *p = buffer, *end = buffer + got;
        while (p < end) {
            if (at_line_start) {
                at_line_start = 0;
                blank_line = 1;
                if (*p != ' ' && *p != '\t') {       // a new field begins
                    if (block >= RAPPORT_HEADER_BLOCK_CAP) return 1;
                    field = 0;
                }
            }
            unsigned char *newline = memchr(p, '\n', (size_t)(end - p));
            unsigned char *line_end = newline ? newline : end;
            for (unsigned char *q = p; blank_line && q < line_end; q++) {
                if (*q != '\r') blank_line = 0;
            }
            if (newline && blank_line) return 0;      // the empty line: headers end, body follows
            unsigned char *next = newline ? newline + 1 : end;
            field += (size_t)(next - p);
            block += (size_t)(next - p);
            if (field > RAPPORT_HEADER_FIELD_CAP) return 1;
            if (newline) at_line_start = 1;
            p = next;
        }
    }
    return 0;
}

/// Copies the header block of `fd` into `out`, each field (a line and its folded continuations)
/// cut to RAPPORT_HEADER_FIELD_CAP bytes and the whole block to RAPPORT_HEADER_BLOCK_CAP, reading
/// 64 KiB at a time: a 100 MB Subject is never held in memory, by us or by GMime. Returns the
/// file offset where the body starts (the file's size when the headers never end) and sets `cut`.
static off_t copy_capped_headers(int fd, GByteArray *out, int *cut) {
    unsigned char buffer[65536];
    size_t field = 0;          // bytes of the current field seen so far
    int dropping = 0;          // the rest of the current field is left out
    int at_line_start = 1;     // the next byte starts a line
    int blank_line = 0;        // the line so far is empty (or just "\r"): it ends the headers
    off_t offset = 0;
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < got; i++, offset++) {
            unsigned char c = buffer[i];
            if (at_line_start) {
                at_line_start = 0;
                blank_line = 1;
                if (c != ' ' && c != '\t') {          // a new field begins
                    // A field cut in the middle of a line gets that line's end back.
                    if (dropping && out->len > 0 && out->data[out->len - 1] != '\n') {
                        g_byte_array_append(out, (const guint8 *)"\n", 1);
                    }
                    field = 0;
                    dropping = out->len >= RAPPORT_HEADER_BLOCK_CAP;
                    if (dropping) *cut = 1;
                }
            }
            if (c != '\n' && c != '\r') blank_line = 0;
            if (c == '\n') {
                at_line_start = 1;
                if (blank_line) {                      // the empty line: headers end, body follows
                    g_byte_array_append(out, (const guint8 *)"\n", 1);
                    return offset + 1;
                }
            }
            field++;
            if (!dropping && field > RAPPORT_HEADER_FIELD_CAP) {
                dropping = 1;
                *cut = 1;
            }
            if (!dropping) g_byte_array_append(out, &c, 1);
        }
    }
    if (dropping && out->len > 0 && out->data[out->len - 1] != '\n') g_byte_array_append(out, (const guint8 *)"\n", 1);
    return offset;
}

/// The stream to parse: the file as it is when no header field is over the caps, else the cut
/// headers followed by the file's body (read from disk as before).
static GMimeStream *capped_stream(int fd, int *cut) {
    int over = headers_need_cut(fd);
    lseek(fd, 0, SEEK_SET);
    if (!over) return g_mime_stream_fs_new(fd);
    GByteArray *headers = g_byte_array_new();
    off_t body = copy_capped_headers(fd, headers, cut);
    GMimeStream *joined = g_mime_stream_cat_new();
    GMimeStream *head = g_mime_stream_mem_new_with_byte_array(headers);   // owns `headers`
    GMimeStream *file = g_mime_stream_fs_new(fd);
    GMimeStream *rest = g_mime_stream_substream(file, body, -1);
    g_mime_stream_cat_add_source(GMIME_STREAM_CAT(joined), head);
    g_mime_stream_cat_add_source(GMIME_STREAM_CAT(joined), rest);
    g_object_unref(head);
    g_object_unref(rest);
    g_object_unref(file);
    return joined;
}

// MARK: - Header fields nothing reads

/// Whether the parser reads a top-level header field of this name: the addresses, subject, date
/// and ids MessageParser asks for, and what GMime needs for the MIME structure (Content-*,
/// MIME-Version). GMime makes a GObject of every field it parses; the trace fields of real mail
/// (Received, DKIM-Signature, ARC-*, Authentication-Results, X-*) are often half of them.
static int header_is_read(const unsigned char *name, size_t length) {
    static const char *const read[] = {
        "from", "to", "cc", "reply-to", "subject", "date", "message-id", "in-reply-to", "references",
        "mime-version",
    };
    if (length > 8 && g_ascii_strncasecmp((const char *)name, "content-", 8) == 0) return 1;
    for (size_t i = 0; i < G_N_ELEMENTS(read); i++) {
        if (strlen(read[i]) == length && g_ascii_strncasecmp((const char *)name, read[i], length) == 0) return 1;
    }
    return 0;
}

/// The length of a field's name when the field starts "name:" (blanks allowed before the colon,
/// as obsolete syntax does), else 0: a line that is not a field is left for GMime to judge.
static size_t field_name_length(const unsigned char *field, const unsigned char *end) {
    const unsigned char *p = field;
    while (p < end && *p > ' ' && *p < 127 && *p != ':') p++;
    size_t length = (size_t)(p - field);
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    return length > 0 && p < end && *p == ':' ? length : 0;
}

/// Rewrites the message in `data` (in place: the result is never longer) with its header block
/// reduced to the fields the parser reads, each cut to RAPPORT_HEADER_FIELD_CAP bytes and the
/// kept block to RAPPORT_HEADER_BLOCK_CAP, as copy_capped_headers does. Returns the new length;
/// sets `cut` and counts the fields left out in `left_out`.
static size_t keep_read_headers(unsigned char *data, size_t length, int *cut, int *left_out) {
    unsigned char *end = data + length;
    unsigned char *in = data, *out = data;
    while (in < end) {
        // The empty line ends the headers; it and the body are kept as they are.
        if (*in == '\n' || (*in == '\r' && in + 1 < end && in[1] == '\n')) break;
        // One field: its first line and the folded lines after it.
        unsigned char *field_end = in;
        do {
            unsigned char *newline = memchr(field_end, '\n', (size_t)(end - field_end));
            field_end = newline ? newline + 1 : end;
        } while (field_end < end && (*field_end == ' ' || *field_end == '\t'));
        size_t name = field_name_length(in, field_end);
        // The first field always stays: GMime judges whether a file is a message by its first line.
        if (in > data && name > 0 && !header_is_read(in, name)) {
            (*left_out)++;
        } else if ((size_t)(out - data) >= RAPPORT_HEADER_BLOCK_CAP) {
            *cut = 1;
        } else {
            size_t field = (size_t)(field_end - in);
            if (field > RAPPORT_HEADER_FIELD_CAP) {
                field = RAPPORT_HEADER_FIELD_CAP;
                *cut = 1;
            }
            memmove(out, in, field);
            out += field;
            // A field cut in the middle of a line gets that line's end back (there is room: the
            // field was longer than what was kept).
            if (field < (size_t)(field_end - in) && out[-1] != '\n') *out++ = '\n';
        }
        in = field_end;
    }
    size_t rest = (size_t)(end - in);
    memmove(out, in, rest);
    return (size_t)(out - data) + rest;
}

/// Files up to this size are read whole and parsed from memory, with the header fields nothing
/// reads left out; larger ones are parsed from the file, so a 50 MB attachment stays on disk.
#define RAPPORT_READ_WHOLE_CAP (1024 * 1024)

/// The file read whole into memory with its unread header fields left out; NULL (the descriptor
/// rewound) when the file turns out larger than RAPPORT_READ_WHOLE_CAP or cannot be read.
static GMimeStream *trimmed_stream(int fd, size_t size, int *cut, int *left_out) {
    GByteArray *bytes = g_byte_array_sized_new((guint)size + 1);
    g_byte_array_set_size(bytes, (guint)size + 1);
    size_t got = 0;
    while (got < size + 1) {
        ssize_t n = read(fd, bytes->data + got, size + 1 - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    if (got > size || got == 0) {   // grew since fstat (or unreadable): parse it from the file
        g_byte_array_free(bytes, TRUE);
        lseek(fd, 0, SEEK_SET);
        return NULL;
    }
    g_byte_array_set_size(bytes, (guint)keep_read_headers(bytes->data, got, cut, left_out));
    return g_mime_stream_mem_new_with_byte_array(bytes);   // owns `bytes`
}

static rapport_message *parse_stream(GMimeStream *stream, const char **error) {
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    // Persisting the stream keeps part contents on disk: a 50 MB body is not read into memory.
    g_mime_parser_set_persist_stream(parser, TRUE);
    GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    if (message == NULL) {
        g_object_unref(stream);
        *error = "no message could be read (not RFC 5322 headers)";
        return NULL;
    }
    rapport_message *result = g_new0(rapport_message, 1);
    result->message = message;
    result->stream = stream;
    result->leaves = g_ptr_array_new();
    return result;
}

rapport_message *rapport_message_open_file(const char *path, const char **error) {
    rapport_mime_init();
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = strerror(errno);
        return NULL;
    }
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        close(fd);
        *error = "not a regular file";
        return NULL;
    }
    if (info.st_size == 0) {
        close(fd);
        *error = "empty file";
        return NULL;
    }
    int cut = 0, left_out = 0;
    GMimeStream *stream = NULL;
    if (info.st_size <= RAPPORT_READ_WHOLE_CAP) {
        stream = trimmed_stream(fd, (size_t)info.st_size, &cut, &left_out);
        if (stream != NULL) close(fd);
    }
    // Otherwise the stream owns the descriptor and closes it when the last reference goes.
    if (stream == NULL) stream = capped_stream(fd, &cut);
    rapport_message *message = parse_stream(stream, error);
    if (message != NULL) {
        message->headers_cut = cut;
        message->headers_left_out = left_out;
    }
    return message;
}

rapport_message *rapport_message_open_bytes(const char *bytes, size_t length, const char **error) {
    rapport_mime_init();
    if (length == 0) {
        *error = "empty message";
        return NULL;
    }
    return parse_stream(g_mime_stream_mem_new_with_buffer(bytes, length), error);
}

void rapport_message_free(rapport_message *message) {
    if (message == NULL) return;
    g_ptr_array_free(message->leaves, TRUE);
    g_object_unref(message->message);
    g_object_unref(message->stream);
    g_free(message);
}

int rapport_message_headers_cut(rapport_message *message) {
    return message->headers_cut;
}

int rapport_message_has_headers(rapport_message *message) {
    if (message->headers_left_out > 0) return 1;
    GMimeHeaderList *headers = g_mime_object_get_header_list(GMIME_OBJECT(message->message));
    return headers != NULL && g_mime_header_list_get_count(headers) > 0;
}

static char *dup_or_null(const char *value) {
    return value ? g_strdup(value) : NULL;
}

char *rapport_message_subject(rapport_message *message) {
    return dup_or_null(g_mime_message_get_subject(message->message));
}

char *rapport_message_message_id(rapport_message *message) {
    return dup_or_null(g_mime_message_get_message_id(message->message));
}

char *rapport_message_header(rapport_message *message, const char *name) {
    return dup_or_null(g_mime_object_get_header(GMIME_OBJECT(message->message), name));
}

int rapport_message_date(rapport_message *message, int64_t *unix_seconds, int32_t *utc_offset_seconds) {
    GDateTime *date = g_mime_message_get_date(message->message);
    if (date == NULL) return 0;
    *unix_seconds = g_date_time_to_unix(date);
    *utc_offset_seconds = (int32_t)(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
    return 1;
}

static void collect_mailboxes(InternetAddressList *list, GArray *out, size_t max, int depth) {
    if (list == NULL || depth > 4) return;
    int count = internet_address_list_length(list);
    for (int i = 0; i < count && out->len < max; i++) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            collect_mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out, max, depth + 1);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const char *name = internet_address_get_name(address);
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
            rapport_mailbox mailbox = {
                .name = (name && *name) ? g_strdup(name) : NULL,
                .address = (addr && *addr) ? g_strdup(addr) : NULL,
            };
            g_array_append_val(out, mailbox);
        }
    }
}

size_t rapport_message_addresses(rapport_message *message, rapport_address_field field, size_t max,
                                 rapport_mailbox **out) {
    InternetAddressList *list = NULL;
    switch (field) {
    case RAPPORT_ADDRESS_FROM: list = g_mime_message_get_from(message->message); break;
    case RAPPORT_ADDRESS_TO: list = g_mime_message_get_to(message->message); break;
    case RAPPORT_ADDRESS_CC: list = g_mime_message_get_cc(message->message); break;
    case RAPPORT_ADDRESS_REPLY_TO: list = g_mime_message_get_reply_to(message->message); break;
    }
    GArray *found = g_array_new(FALSE, TRUE, sizeof(rapport_mailbox));
    collect_mailboxes(list, found, max, 0);
    size_t count = found->len;
    *out = (rapport_mailbox *)g_array_free(found, FALSE);
    return count;
}

void rapport_mailboxes_free(rapport_mailbox *mailboxes, size_t count) {
    if (mailboxes == NULL) return;
    for (size_t i = 0; i < count; i++) {
        g_free(mailboxes[i].name);
        g_free(mailboxes[i].address);
    }
    g_free(mailboxes);
}

size_t rapport_message_id_list(rapport_message *message, const char *header, size_t max, char ***out) {
    *out = NULL;
    const char *value = g_mime_object_get_header(GMIME_OBJECT(message->message), header);
    if (value == NULL) return 0;
    GMimeReferences *refs = g_mime_references_parse(NULL, value);
    if (refs == NULL) return 0;
    size_t count = (size_t)g_mime_references_length(refs);
    if (count > max) count = max;
    char **ids = g_new0(char *, count + 1);
    for (size_t i = 0; i < count; i++) {
        ids[i] = g_strdup(g_mime_references_get_message_id(refs, (int)i));
    }
    g_mime_references_free(refs);
    *out = ids;
    return count;
}

void rapport_strings_free(char **strings, size_t count) {
    if (strings == NULL) return;
    for (size_t i = 0; i < count; i++) g_free(strings[i]);
    g_free(strings);
}

typedef struct {
    rapport_message *message;
    GArray *infos;
    int max_depth;
    size_t max_parts;
    int truncated;
    int next_alternative;
} walk_state;

static char *lower_mime_type(GMimeObject *object) {
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (type == NULL) return g_strdup("text/plain");
    char *mime = g_mime_content_type_get_mime_type(type);
    char *lower = g_ascii_strdown(mime ? mime : "application/octet-stream", -1);
    g_free(mime);
    return lower;
}

// Recursion is bounded by max_depth, so a message nested 500 deep cannot exhaust the stack.
static void walk(walk_state *state, GMimeObject *object, int depth, int alternative) {
    if (object == NULL) return;
    if (state->infos->len >= state->max_parts) {
        state->truncated = 1;
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        if (depth >= state->max_depth) {
            state->truncated = 1;
            return;
        }
        GMimeContentType *type = g_mime_object_get_content_type(object);
        if (type && g_mime_content_type_is_type(type, "multipart", "alternative")) {
            alternative = state->next_alternative++;
        }
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; i++) {
            walk(state, g_mime_multipart_get_part(multipart, i), depth + 1, alternative);
        }
        return;
    }
    rapport_part_info info = {0};
    info.content_type = lower_mime_type(object);
    info.alternative = alternative;
    info.depth = depth;
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    info.disposition_attachment = disposition && g_mime_content_disposition_is_attachment(disposition);
    if (GMIME_IS_PART(object)) {
        info.filename = dup_or_null(g_mime_part_get_filename(GMIME_PART(object)));
        info.charset = dup_or_null(g_mime_object_get_content_type_parameter(object, "charset"));
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        info.is_message = 1;
        info.filename = dup_or_null(g_mime_object_get_content_disposition_parameter(object, "filename"));
    } else {
        g_free(info.content_type);
        return;
    }
    g_array_append_val(state->infos, info);
    g_ptr_array_add(state->message->leaves, object);
}

size_t rapport_message_parts(rapport_message *message, int max_depth, size_t max_parts,
                             rapport_part_info **out, int *truncated) {
    g_ptr_array_set_size(message->leaves, 0);
    walk_state state = {
        .message = message,
        .infos = g_array_new(FALSE, TRUE, sizeof(rapport_part_info)),
        .max_depth = max_depth,
        .max_parts = max_parts,
        .truncated = 0,
        .next_alternative = 0,
    };
    walk(&state, g_mime_message_get_mime_part(message->message), 0, -1);
    *truncated = state.truncated;
    size_t count = state.infos->len;
    *out = (rapport_part_info *)g_array_free(state.infos, FALSE);
    return count;
}

void rapport_parts_free(rapport_part_info *parts, size_t count) {
    if (parts == NULL) return;
    for (size_t i = 0; i < count; i++) {
        g_free(parts[i].content_type);
        g_free(parts[i].filename);
        g_free(parts[i].charset);
    }
    g_free(parts);
}

static GMimeStream *decoded_stream(GMimePart *part) {
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (content == NULL) return NULL;
    GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
    if (raw == NULL) return NULL;
    g_mime_stream_reset(raw);
    GMimeStream *filtered = g_mime_stream_filter_new(raw);
    GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
    if (encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
        || encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
        GMimeFilter *decoder = g_mime_filter_basic_new(encoding, FALSE);
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), decoder);
        g_object_unref(decoder);
    }
    return filtered;
}

char *rapport_message_part_text(rapport_message *message, size_t index, size_t cap,
                                size_t *length, int *truncated) {
    *length = 0;
    *truncated = 0;
    if (index >= message->leaves->len) return NULL;
    GMimeObject *object = g_ptr_array_index(message->leaves, index);
    if (!GMIME_IS_PART(object)) return NULL;
    GMimeStream *stream = decoded_stream(GMIME_PART(object));
    if (stream == NULL) return NULL;
    GByteArray *bytes = g_byte_array_new();
    char buffer[16384];
    while (bytes->len < cap) {
        size_t want = MIN(sizeof(buffer), cap - bytes->len);
        ssize_t got = g_mime_stream_read(stream, buffer, want);
        if (got <= 0) break;
        g_byte_array_append(bytes, (guint8 *)buffer, (guint)got);
    }
    if (bytes->len >= cap && g_mime_stream_read(stream, buffer, 1) > 0) *truncated = 1;
    g_object_unref(stream);
    const char *charset = g_mime_object_get_content_type_parameter(object, "charset");
    char *text = rapport_text_to_utf8((const char *)bytes->data, bytes->len, charset, 1, length);
    g_byte_array_free(bytes, TRUE);
    return text;
}

/// How many bytes of `bytes` are in base64's alphabet of 64 (not '=', line breaks or junk GMime skips).
static size_t base64_alphabet_count(const unsigned char *bytes, size_t length) {
    size_t count = 0, i = 0;
#ifdef __SSE2__
    // Sixteen bytes at a time (the table lookup a byte at a time was 2% of an ingest with
    // attachments): per byte, a mask of 0xFF where it is in the alphabet, subtracted from byte
    // counters that are summed before any of them can pass 255.
    const __m128i flip = _mm_set1_epi8((char)0x80);
    while (length - i >= 16) {
        __m128i counters = _mm_setzero_si128();
        for (int round = 0; round < 255 && length - i >= 16; round++, i += 16) {
            __m128i c = _mm_loadu_si128((const __m128i *)(bytes + i));
            // x - low < span, unsigned: signed comparisons after moving 0 to -128.
            __m128i letter = _mm_sub_epi8(_mm_or_si128(c, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
            __m128i digit = _mm_sub_epi8(c, _mm_set1_epi8('0'));
            __m128i in = _mm_or_si128(
                _mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128(letter, flip), _mm_set1_epi8((char)(0x80 + 26))),
                             _mm_cmplt_epi8(_mm_xor_si128(digit, flip), _mm_set1_epi8((char)(0x80 + 10)))),
                _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('+')), _mm_cmpeq_epi8(c, _mm_set1_epi8('/'))));
            counters = _mm_sub_epi8(counters, in);
        }
        __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
        count += (size_t)_mm_cvtsi128_si64(sums) + (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
    }
#endif
    for (; i < length; i++) {
        unsigned char c = bytes[i];
        count += ((unsigned char)((c | 0x20) - 'a') < 26) | ((unsigned char)(c - '0') < 10) | (c == '+') | (c == '/');
    }
    return count;
}

/// Counts base64 alphabet bytes of a raw stream: 4 of them are 3 bytes.
static int64_t base64_decoded_size(GMimeStream *raw) {
    int64_t count = 0;
    unsigned char buffer[16384];
    ssize_t got;
    while ((got = g_mime_stream_read(raw, (char *)buffer, sizeof(buffer))) > 0) {
        count += (int64_t)base64_alphabet_count(buffer, (size_t)got);
    }
    return count * 3 / 4;
}

int64_t rapport_message_part_size(rapport_message *message, size_t index) {
    if (index >= message->leaves->len) return 0;
    GMimeObject *object = g_ptr_array_index(message->leaves, index);
    if (GMIME_IS_PART(object)) {
        GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(object));
        if (content == NULL) return 0;
        GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
        GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
        if (raw == NULL) return 0;
        switch (encoding) {
        case GMIME_CONTENT_ENCODING_BASE64:
            g_mime_stream_reset(raw);
            return base64_decoded_size(raw);
        case GMIME_CONTENT_ENCODING_DEFAULT:
        case GMIME_CONTENT_ENCODING_7BIT:
        case GMIME_CONTENT_ENCODING_8BIT:
        case GMIME_CONTENT_ENCODING_BINARY: {
            gint64 length = g_mime_stream_length(raw);
            if (length >= 0) return length;
            break;
        }
        default:
            break;
        }
    }
    return rapport_message_part_decoded_size(message, index);
}

int64_t rapport_message_part_decoded_size(rapport_message *message, size_t index) {
    if (index >= message->leaves->len) return 0;
    GMimeObject *object = g_ptr_array_index(message->leaves, index);
    GMimeStream *null = g_mime_stream_null_new();
    if (GMIME_IS_PART(object)) {
        GMimeStream *stream = decoded_stream(GMIME_PART(object));
        if (stream != NULL) {
            g_mime_stream_write_to_stream(stream, null);
            g_object_unref(stream);
        }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner != NULL) g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, null);
    }
    int64_t size = (int64_t)GMIME_STREAM_NULL(null)->written;
    g_object_unref(null);
    return size;
}

int rapport_message_part_write(rapport_message *message, size_t index, int fd) {
    if (index >= message->leaves->len) return -1;
    GMimeObject *object = g_ptr_array_index(message->leaves, index);
    GMimeStream *out = g_mime_stream_fs_new(dup(fd));
    if (out == NULL) return -1;
    ssize_t written = -1;
    if (GMIME_IS_PART(object)) {
        GMimeStream *stream = decoded_stream(GMIME_PART(object));
        if (stream != NULL) {
            written = g_mime_stream_write_to_stream(stream, out);
            g_object_unref(stream);
        }
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner != NULL) written = g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, out);
    }
    if (written >= 0 && g_mime_stream_flush(out) != 0) written = -1;
    g_object_unref(out);
    return written < 0 ? -1 : 0;
}

int rapport_file_sha256(const char *path, char *hex) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    GChecksum *checksum = g_checksum_new(G_CHECKSUM_SHA256);
    char buffer[65536];
    ssize_t got;
    while ((got = read(fd, buffer, sizeof(buffer))) != 0) {
        if (got < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            close(fd);
            g_checksum_free(checksum);
            return error;
        }
        g_checksum_update(checksum, (const guchar *)buffer, (gssize)got);
    }
    close(fd);
    g_strlcpy(hex, g_checksum_get_string(checksum), 65);
    g_checksum_free(checksum);
    return 0;
}

// MARK: - Writing

static int needs_quoted_printable(const char *body, size_t length) {
    size_t line = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)body[i];
        if (c == '\n') {
            line = 0;
            continue;
        }
        if (c >= 0x80 || c == 0 || c == '\r') return 1;
        if (++line > 998) return 1;
    }
    return 0;
}

char *rapport_build_message(const rapport_outgoing *o, size_t *length) {
    rapport_mime_init();
    *length = 0;
    if (o->from_address == NULL || o->to_address == NULL || o->message_id == NULL || o->body == NULL) return NULL;

    GMimeMessage *message = g_mime_message_new(TRUE);
    const char *from_name = o->from_name ? o->from_name : "";
    g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_FROM, from_name, o->from_address);
    g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_REPLY_TO, from_name,
                               o->reply_to_address ? o->reply_to_address : o->from_address);
    g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, o->to_name ? o->to_name : "", o->to_address);
    for (size_t i = 0; o->cc_addresses && i < o->cc_count; i++) {
        if (o->cc_addresses[i] && *o->cc_addresses[i])
            g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_CC, "", o->cc_addresses[i]);
    }
    g_mime_message_set_subject(message, o->subject ? o->subject : "", "utf-8");

    GTimeZone *zone = g_time_zone_new_offset(o->date_utc_offset);
    GDateTime *utc = g_date_time_new_from_unix_utc(o->date_unix);
    GDateTime *local = g_date_time_to_timezone(utc, zone);
    g_mime_message_set_date(message, local);
    g_date_time_unref(local);
    g_date_time_unref(utc);
    g_time_zone_unref(zone);

    g_mime_message_set_message_id(message, o->message_id);
    if (o->in_reply_to && *o->in_reply_to) {
        char *value = g_strdup_printf("<%s>", o->in_reply_to);
        g_mime_object_set_header(GMIME_OBJECT(message), "In-Reply-To", value, NULL);
        g_free(value);
    }
    if (o->references && *o->references) {
        GString *value = g_string_new(NULL);
        char **ids = g_strsplit(o->references, " ", -1);
        for (char **id = ids; *id; id++) {
            if (**id == '\0') continue;
            if (value->len) g_string_append_c(value, ' ');
            g_string_append_printf(value, "<%s>", *id);
        }
        g_strfreev(ids);
        g_mime_object_set_header(GMIME_OBJECT(message), "References", value->str, NULL);
        g_string_free(value, TRUE);
    }

    GMimeTextPart *part = g_mime_text_part_new_with_subtype("plain");
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(o->body, o->body_length);
    GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(GMIME_PART(part), content);
    g_object_unref(content);
    g_object_unref(stream);
    g_mime_text_part_set_charset(part, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(part),
        needs_quoted_printable(o->body, o->body_length) ? GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
                                                        : GMIME_CONTENT_ENCODING_7BIT);
    if (o->attachment_count == 0 || o->attachments == NULL) {
        g_mime_message_set_mime_part(message, GMIME_OBJECT(part));
    } else {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, GMIME_OBJECT(part));
        for (size_t i = 0; i < o->attachment_count; i++) {
            const rapport_outgoing_attachment *a = &o->attachments[i];
            GMimeContentType *type = g_mime_content_type_parse(NULL, a->content_type ? a->content_type : "application/octet-stream");
            GMimePart *file = g_mime_part_new_with_type(g_mime_content_type_get_media_type(type),
                                                        g_mime_content_type_get_media_subtype(type));
            g_object_unref(type);
            GMimeStream *bytes = g_mime_stream_mem_new_with_buffer((const char *)a->data, a->length);
            GMimeDataWrapper *wrapper = g_mime_data_wrapper_new_with_stream(bytes, GMIME_CONTENT_ENCODING_DEFAULT);
            g_mime_part_set_content(file, wrapper);
            g_object_unref(wrapper);
            g_object_unref(bytes);
            g_mime_part_set_content_encoding(file, GMIME_CONTENT_ENCODING_BASE64);
            // Sets Content-Disposition: attachment; filename=… (RFC 2231 when the name is not ASCII).
            g_mime_part_set_filename(file, a->name ? a->name : "attachment");
            g_mime_multipart_add(mixed, GMIME_OBJECT(file));
            g_object_unref(file);
        }
        g_mime_message_set_mime_part(message, GMIME_OBJECT(mixed));
        g_object_unref(mixed);
    }
    g_object_unref(part);

    char *text = g_mime_object_to_string(GMIME_OBJECT(message), NULL);
    g_object_unref(message);
    if (text) *length = strlen(text);
    return text;
}
