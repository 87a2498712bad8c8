#ifndef RAPPORT_CGMIME_H
#define RAPPORT_CGMIME_H
#include <gmime/gmime.h>
#endif
