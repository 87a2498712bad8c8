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

// Key codes are macros (some function-like, some conditional); read them through functions.
static inline int rapport_key_up(void) { return KEY_UP; }
static inline int rapport_key_down(void) { return KEY_DOWN; }
static inline int rapport_key_left(void) { return KEY_LEFT; }
static inline int rapport_key_right(void) { return KEY_RIGHT; }
static inline int rapport_key_home(void) { return KEY_HOME; }
static inline int rapport_key_end(void) { return KEY_END; }
static inline int rapport_key_npage(void) { return KEY_NPAGE; }
static inline int rapport_key_ppage(void) { return KEY_PPAGE; }
static inline int rapport_key_backspace(void) { return KEY_BACKSPACE; }
static inline int rapport_key_dc(void) { return KEY_DC; }
static inline int rapport_key_enter(void) { return KEY_ENTER; }
static inline int rapport_key_btab(void) { return KEY_BTAB; }
static inline int rapport_key_f(int n) { return KEY_F(n); }
static inline int rapport_err(void) { return ERR; }
/// The key code ncurses gives an escape sequence it knows from terminfo (e.g. Ctrl-← as "\033[1;5D"); 0 or -1 when none.
static inline int rapport_key_defined(const char *sequence) { return key_defined(sequence); }

// glibc declares wcwidth only under _XOPEN_SOURCE; declare it (compatibly) ourselves.
extern int wcwidth(wchar_t c);
/// The C library's width of a code point in the current locale: what ncurses will assume.
static inline int rapport_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/// Reads one key or character within the window's timeout; returns OK, KEY_CODE_YES or ERR.
static inline int rapport_get_wch(wint_t *out) { return wget_wch(stdscr, out); }
static inline void rapport_timeout(int ms) { wtimeout(stdscr, ms); }
static inline void rapport_keypad(bool on) { keypad(stdscr, on); }
static inline void rapport_clearok(bool on) { clearok(stdscr, on); }
static inline void rapport_erase(void) { werase(stdscr); }
static inline void rapport_refresh(void) { wrefresh(stdscr); }
static inline void rapport_move(int y, int x) { wmove(stdscr, y, x); }
static inline attr_t rapport_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int rapport_color_pairs(void) { return COLOR_PAIRS; }
#endif
