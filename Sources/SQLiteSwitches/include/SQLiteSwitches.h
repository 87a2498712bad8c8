#ifndef RAPPORT_SQLITE_SWITCHES_H
#define RAPPORT_SQLITE_SWITCHES_H

// sqlite3_db_config is variadic, so Swift cannot call it: these wrap the one switch Rapport uses.
#include <sqlite3.h>

/// Turns the connection's triggers on (1) or off (0) with SQLITE_DBCONFIG_ENABLE_TRIGGER. SQLite
/// re-prepares the connection's statements when it changes. Returns SQLite's result code.
int rapport_sqlite_set_triggers(sqlite3 *db, int on);

#endif
