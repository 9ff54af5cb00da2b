#ifndef CREDITKIT_CPOSTGRESQL_SHIM_H
#define CREDITKIT_CPOSTGRESQL_SHIM_H
#include <libpq-fe.h>
#endif
