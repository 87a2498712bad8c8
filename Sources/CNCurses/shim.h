// Wide-character ncurses for Swift. Swift 6 refuses mutable C globals, so the
// few we need (stdscr, LINES, COLS, ESCDELAY) are read through inline functions.
#ifndef RAPPORT_CNCURSES_SHIM_H
#define RAPPORT_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *rapport_stdscr(void) { return stdscr; }
static inline int rapport_lines(void) { return LINES; }
static inline int rapport_cols(void) { return COLS; }
static inline void rapport_set_escdelay(int ms) { set_escdelay(ms); }
static inline int rapport_key_resize(void) { return KEY_RESIZE; }
static inline int rapport_ok(void) { return OK; }
static inline int rapport_key_code_yes(void) { return KEY_CODE_YES; }
static inline attr_t rapport_attr_bold(void) { return A_BOLD; }
static inline attr_t rapport_attr_reverse(void) { return A_REVERSE; }
static inline attr_t rapport_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t rapport_attr_dim(void) { return A_DIM; }
static inline attr_t rapport_attr_normal(void) { return A_NORMAL; }
/// Writes one cell: up to a few code points (a base and its combining marks) with attributes and a colour pair.
static inline int rapport_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &c);
}
#endif
