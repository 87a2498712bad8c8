// A small C layer over GMime 3: its type-check macros and GObject plumbing
// cannot be imported into Swift, so RapportMail talks to these functions only.
#ifndef RAPPORT_MIMESHIM_H
#define RAPPORT_MIMESHIM_H
/// Initialises GMime once per process; safe to call repeatedly.
void rapport_mime_init(void);
#endif
