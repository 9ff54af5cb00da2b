#ifndef CREDITKIT_CSQLITE_SHIM_H
#define CREDITKIT_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
