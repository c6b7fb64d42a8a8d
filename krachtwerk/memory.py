"""Give big blocks of memory back to the system as soon as they are freed (glibc on Linux).

glibc raises its threshold for serving an allocation with its own mapping each time such a
block is freed, up to 32 MB; after that, big image buffers come from the allocating thread's
heap arena and stay there when freed. Every session runs in a thread of its own, so each thread
that once prepared a big photo kept it: four big photos at once took 1 GB and kept a third of
it (tests/krachtwerk/test_photo_bombs.py). A fixed threshold keeps every block of 128 KB and up
in a mapping of its own, returned when freed. Python's own small objects are not affected.
"""

from __future__ import annotations

import ctypes
import functools

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
THRESHOLD = 128 * 1024  # glibc's default, kept fixed


@functools.cache
def return_big_blocks() -> bool:
    """Fix glibc's threshold once per process; False where there is no glibc (nothing to do)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):
        return False
