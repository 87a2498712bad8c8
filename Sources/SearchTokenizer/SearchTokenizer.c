#include "SearchTokenizer.h"
#include <string.h>

// A document's quoted lines are another message's text, which is indexed as that message: left out,
// they cost nothing to index and match nothing twice. Everything else is the wrapped tokenizer's.

typedef struct {
    fts5_tokenizer inner;
    Fts5Tokenizer *innerInstance;
} Unquoted;

typedef int (*TokenCallback)(void *, int, const char *, int, int, int);

static int create(void *context, const char **args, int argCount, Fts5Tokenizer **out) {
    fts5_api *api = context;
    Unquoted *unquoted = sqlite3_malloc(sizeof *unquoted);
    if (!unquoted) return SQLITE_NOMEM;
    memset(unquoted, 0, sizeof *unquoted);
    void *innerContext = NULL;
    const char *innerName = argCount > 0 ? args[0] : "unicode61";
    int rc = api->xFindTokenizer(api, innerName, &innerContext, &unquoted->inner);
    if (rc == SQLITE_OK) {
        rc = unquoted->inner.xCreate(innerContext, argCount > 1 ? args + 1 : NULL, argCount > 1 ? argCount - 1 : 0,
                                     &unquoted->innerInstance);
    }
    if (rc != SQLITE_OK) {
        sqlite3_free(unquoted);
        return rc;
    }
    *out = (Fts5Tokenizer *)unquoted;
    return SQLITE_OK;
}

static void destroy(Fts5Tokenizer *tokenizer) {
    Unquoted *unquoted = (Unquoted *)tokenizer;
    if (unquoted->innerInstance) unquoted->inner.xDelete(unquoted->innerInstance);
    sqlite3_free(unquoted);
}

// A span of the document handed to the inner tokenizer: its tokens' offsets are made the document's.
typedef struct {
    void *context;
    TokenCallback token;
    int offset;
} Span;

static int shiftedToken(void *spanPointer, int flags, const char *token, int length, int start, int end) {
    Span *span = spanPointer;
    return span->token(span->context, flags, token, length, start + span->offset, end + span->offset);
}

static int tokenizeSpan(Unquoted *unquoted, void *context, int flags, const char *text, int start, int end,
                        TokenCallback token) {
    if (end <= start) return SQLITE_OK;
    Span span = { context, token, start };
    return unquoted->inner.xTokenize(unquoted->innerInstance, &span, flags, text + start, end - start, shiftedToken);
}

static int isQuotedLine(const char *line, const char *end) {
    while (line < end && (*line == ' ' || *line == '\t')) line++;
    return line < end && *line == '>';
}

static int tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                    TokenCallback token) {
    Unquoted *unquoted = (Unquoted *)tokenizer;
    if (!(flags & (FTS5_TOKENIZE_DOCUMENT | FTS5_TOKENIZE_AUX))) {
        return unquoted->inner.xTokenize(unquoted->innerInstance, context, flags, text, length, token);
    }
    if (!text) return SQLITE_OK;
    if (length < 0) length = (int)strlen(text);
    // Runs of unquoted lines go to the inner tokenizer whole: one call per run, not per line.
    int spanStart = 0, lineStart = 0;
    while (lineStart < length) {
        const char *newline = memchr(text + lineStart, '\n', (size_t)(length - lineStart));
        int lineEnd = newline ? (int)(newline - text) + 1 : length;
        if (isQuotedLine(text + lineStart, text + lineEnd)) {
            int rc = tokenizeSpan(unquoted, context, flags, text, spanStart, lineStart, token);
            if (rc != SQLITE_OK) return rc;
            spanStart = lineEnd;
        }
        lineStart = lineEnd;
    }
    return tokenizeSpan(unquoted, context, flags, text, spanStart, length, token);
}

int rapport_register_search_tokenizer(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api) return SQLITE_ERROR;
    fts5_tokenizer methods = { create, destroy, tokenize };
    return api->xCreateTokenizer(api, "rapport_unquoted", api, &methods, NULL);
}
