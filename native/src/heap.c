#include "mcu_native.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int32_t mcu_heap_configure(int32_t mmap_threshold, int32_t arena_max) {
  if (mmap_threshold < 0 || arena_max < 0) return MCU_E_INVALID_ARGUMENT;
#if defined(__GLIBC__)
  /* mallopt returns 0 for a value it refuses (e.g. a threshold above 32 MiB). */
  if (mmap_threshold > 0 && mallopt(M_MMAP_THRESHOLD, mmap_threshold) != 1) return MCU_E_INVALID_ARGUMENT;
  /* malloc_trim does not shrink the top of a thread's heap, only free() does, and only above the
     trim threshold, which earlier frees of mapped blocks may have raised to 64 MiB: tie it to the
     mapping threshold so that freed memory at a heap's top leaves as well. */
  if (mmap_threshold > 0 && mallopt(M_TRIM_THRESHOLD, mmap_threshold) != 1) return MCU_E_INVALID_ARGUMENT;
  if (arena_max > 0 && mallopt(M_ARENA_MAX, arena_max) != 1) return MCU_E_INVALID_ARGUMENT;
  return MCU_OK;
#else
  return MCU_E_UNSUPPORTED;
#endif
}

int32_t mcu_heap_trim(int32_t* released) {
  if (released == NULL) return MCU_E_NULL_POINTER;
#if defined(__GLIBC__)
  *released = malloc_trim(0);
  return MCU_OK;
#else
  *released = 0;
  return MCU_E_UNSUPPORTED;
#endif
}
