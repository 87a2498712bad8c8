#ifndef RAPPORT_SEARCH_TOKENIZER_H
#define RAPPORT_SEARCH_TOKENIZER_H

// The search index's tokenizer (DECISIONS.md, "The search index leaves out quoted lines").
#include <sqlite3.h>

/// Registers the FTS5 tokenizer `rapport_unquoted` with the connection. It wraps another tokenizer,
/// named by its first argument (`tokenize = 'rapport_unquoted unicode61 remove_diacritics 2'`), and
/// hands it a document without its quoted lines (a line whose first character other than a space or
/// tab is `>`, the rule of Core's `QuotedLine`). Queries pass through whole. Returns SQLite's result code.
int rapport_register_search_tokenizer(sqlite3 *db);

#endif
