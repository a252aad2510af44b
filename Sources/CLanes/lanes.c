// CLanes is header-only (include/lanes.h); this file gives SwiftPM a source to build the target from.
#include "lanes.h"
