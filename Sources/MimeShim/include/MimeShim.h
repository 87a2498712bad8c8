// A small C layer over GMime 3: its type-check macros and GObject plumbing
// cannot be imported into Swift, so RapportMail talks to these functions only.
// No GMime or GLib type appears here: Swift sees opaque handles, C strings and plain structs.
// Every string returned is UTF-8, owned by the caller, and freed with the matching *_free function.
#ifndef RAPPORT_MIMESHIM_H
#define RAPPORT_MIMESHIM_H

#include <stddef.h>
#include <stdint.h>

/// Initialises GMime once per process; safe to call repeatedly and from several threads.
void rapport_mime_init(void);

/// Frees a string returned by this shim.
void rapport_mime_string_free(char *string);

// MARK: - Reading

/// A parsed message and the stream it reads its contents from (the file stays open while it lives).
typedef struct rapport_message rapport_message;

/// Parses the file at `path`, keeping part contents on disk (bounded memory for large bodies).
/// A file up to 1 MiB is parsed from memory without the top-level header fields nothing here reads
/// (only From, To, Cc, Reply-To, Subject, Date, Message-ID, In-Reply-To, References, MIME-Version
/// and Content-* are kept), so rapport_message_header answers for those fields only.
/// On failure returns NULL and sets `*error` to a static English reason.
rapport_message *rapport_message_open_file(const char *path, const char **error);
/// Parses a message held in memory (the bytes are copied).
rapport_message *rapport_message_open_bytes(const char *bytes, size_t length, const char **error);
/// Releases the message, its parts and its stream.
void rapport_message_free(rapport_message *message);

/// Whether the parser found at least one header.
int rapport_message_has_headers(rapport_message *message);
/// Header fields longer than this (a line with its folded continuations, in bytes) are cut when a
/// file is opened; headers past RAPPORT_HEADER_BLOCK_CAP bytes in all are dropped.
#define RAPPORT_HEADER_FIELD_CAP 65536
#define RAPPORT_HEADER_BLOCK_CAP (1024 * 1024)
/// 1 when opening the file cut a header field or dropped headers over the caps.
int rapport_message_headers_cut(rapport_message *message);
/// The Subject, RFC 2047-decoded and unfolded; NULL when absent.
char *rapport_message_subject(rapport_message *message);
/// The Message-ID without angle brackets; NULL when absent.
char *rapport_message_message_id(rapport_message *message);
/// Any header's value, unfolded and RFC 2047-decoded; NULL when absent.
char *rapport_message_header(rapport_message *message, const char *name);
/// The Date header as seconds since 1970 and the writer's UTC offset; returns 0 when absent or unreadable.
int rapport_message_date(rapport_message *message, int64_t *unix_seconds, int32_t *utc_offset_seconds);

/// One mailbox of an address header. Either field may be NULL.
typedef struct {
    char *name;
    char *address;
} rapport_mailbox;

typedef enum {
    RAPPORT_ADDRESS_FROM = 0,
    RAPPORT_ADDRESS_TO = 1,
    RAPPORT_ADDRESS_CC = 2,
    RAPPORT_ADDRESS_REPLY_TO = 3,
} rapport_address_field;

/// The mailboxes of an address header, groups flattened, at most `max`. Free with rapport_mailboxes_free.
size_t rapport_message_addresses(rapport_message *message, rapport_address_field field, size_t max,
                                 rapport_mailbox **out);
void rapport_mailboxes_free(rapport_mailbox *mailboxes, size_t count);

/// The message ids listed in a header (References, In-Reply-To), without brackets, at most `max`.
size_t rapport_message_id_list(rapport_message *message, const char *header, size_t max, char ***out);
void rapport_strings_free(char **strings, size_t count);

/// One leaf of the MIME tree (a part with content, or an embedded message/rfc822).
typedef struct {
    /// Lower-case "type/subtype".
    char *content_type;
    /// The decoded file name (Content-Disposition filename, else Content-Type name); may be NULL.
    char *filename;
    /// The declared charset; may be NULL.
    char *charset;
    /// Content-Disposition says attachment.
    int disposition_attachment;
    /// An embedded message (message/rfc822): listed, never descended into.
    int is_message;
    /// Identifies the nearest multipart/alternative ancestor; -1 when there is none.
    int alternative;
    int depth;
} rapport_part_info;

/// Walks the MIME tree in document order up to `max_depth` levels and `max_parts` leaves.
/// `*truncated` is set when either limit cut the walk short. Part `i` of the result is
/// then addressed by index `i` in rapport_message_part_text and rapport_message_part_size.
size_t rapport_message_parts(rapport_message *message, int max_depth, size_t max_parts,
                             rapport_part_info **out, int *truncated);
void rapport_parts_free(rapport_part_info *parts, size_t count);

/// The part's content, transfer-decoded (QP, base64, uuencode) and converted to UTF-8,
/// reading at most `cap` decoded bytes. Invalid sequences become U+FFFD; an unknown charset
/// falls back to GMime's 8-bit guess. Sets `*length` and `*truncated`. NULL when the part has no content.
char *rapport_message_part_text(rapport_message *message, size_t index, size_t cap,
                                size_t *length, int *truncated);
/// The decoded size of the part in bytes, without decoding where the encoding allows: a base64
/// part counts its alphabet characters (3 bytes per 4), a 7bit/8bit/binary part its raw bytes;
/// quoted-printable and uuencode are decoded into a counting stream (nothing is kept in memory).
int64_t rapport_message_part_size(rapport_message *message, size_t index);
/// The same size counted by decoding every part (what rapport_message_part_size did before; a
/// test compares the two on the corpus).
int64_t rapport_message_part_decoded_size(rapport_message *message, size_t index);
/// Writes the part's decoded bytes (an embedded message: the message as it was) to `fd`, streaming.
/// Returns 0, or -1 when the part has no content or a write failed.
int rapport_message_part_write(rapport_message *message, size_t index, int fd);

/// `length` bytes of text in `charset` (NULL: undeclared) as UTF-8, NUL bytes dropped: invalid
/// UTF-8 repaired with U+FFFD, ISO-8859-1 read as Windows-1252, a byte the charset lacks made U+FFFD,
/// undeclared 8-bit text and an unknown charset left to GMime's guess (which can keep a sequence
/// past U+10FFFF: Swift's String repairs what it is given). `tables` 1: ASCII skipped a word at a
/// time and Windows-1252 converted through a table built from iconv; 0: GLib's validation and iconv
/// for everything (the way a test compares the two). Sets `*out_length`; free with rapport_mime_string_free.
char *rapport_text_to_utf8(const char *bytes, size_t length, const char *charset, int tables, size_t *out_length);
/// Whether `bytes` is well-formed UTF-8 without a NUL byte (what g_utf8_validate_len accepts).
int rapport_utf8_is_valid(const char *bytes, size_t length);

/// SHA-256 of a file's bytes as 64 hex digits into `hex` (65 bytes with the NUL), read in chunks.
/// Returns 0 on success, an errno value when the file cannot be read.
int rapport_file_sha256(const char *path, char *hex);

// MARK: - Writing

/// A file sent with a message: its name (UTF-8; RFC 2231-encoded when it is not ASCII), its MIME
/// type ("application/pdf") and its bytes (base64 in the message).
typedef struct {
    const char *name;
    const char *content_type;
    const unsigned char *data;
    size_t length;
} rapport_outgoing_attachment;

/// What an outgoing text message needs. Strings are UTF-8; optional ones may be NULL.
typedef struct {
    const char *from_name;
    const char *from_address;
    const char *reply_to_address;
    const char *to_name;
    const char *to_address;
    /// Addresses for the Cc header (without names), `cc_count` of them; NULL when there are none.
    const char *const *cc_addresses;
    size_t cc_count;
    const char *subject;
    /// Without angle brackets.
    const char *message_id;
    const char *in_reply_to;
    /// Message ids separated by single spaces, without angle brackets.
    const char *references;
    int64_t date_unix;
    int32_t date_utc_offset;
    /// The body, UTF-8 with LF line ends.
    const char *body;
    size_t body_length;
    /// Files to attach, `attachment_count` of them (NULL when none): the message is then
    /// multipart/mixed, the text first.
    const rapport_outgoing_attachment *attachments;
    size_t attachment_count;
} rapport_outgoing;

/// Builds an RFC 5322 message (LF line ends): RFC 2047 for non-ASCII names and subject,
/// text/plain; charset=utf-8, 7bit when plain ASCII with short lines, quoted-printable otherwise.
/// Returns NULL when a required field is missing.
char *rapport_build_message(const rapport_outgoing *outgoing, size_t *length);

#endif
