#include "MimeShim.h"
#include <gmime/gmime.h>

void rapport_mime_init(void) {
    static int done = 0;
    if (!done) { g_mime_init(); done = 1; }
}
