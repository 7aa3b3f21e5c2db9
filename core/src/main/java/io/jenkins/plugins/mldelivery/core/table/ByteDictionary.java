package io.jenkins.plugins.mldelivery.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Gives each distinct field content of a column a small dense id, in the order first seen, without
 * creating a String per field: the bytes are hashed and looked up in an open-addressing table
 * whose keys live in one byte arena. Once {@link #CAPACITY} values are known the dictionary is
 * full and new values get no id; the caller then handles them one by one.
 */
public final class ByteDictionary {
    /** The largest number of distinct values given an id. */
    public static final int CAPACITY = 1 << 16;
    /** What {@link #idOf} returns for a new value when the dictionary is full. */
    public static final int FULL = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private int[] slots = new int[1024];
    private long[] hashes = new long[256];
    /** The first 16 bytes of each value, zero-padded: values of at most 16 bytes compare by these words alone. */
    private long[] head0 = new long[256];
    private long[] head1 = new long[256];
    private int[] offsets = new int[257];
    private byte[] arena = new byte[4096];
    private String[] strings = new String[256];
    private boolean[] missing = new boolean[256];
    private int size;

    /** Creates an empty dictionary. */
    public ByteDictionary() {
        Arrays.fill(slots, -1);
    }

    /**
     * Returns the number of distinct values with an id.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns the id of a field's content, adding it when new.
     *
     * @param buf  the bytes
     * @param from the first byte
     * @param to   one past the last byte
     * @return the id, or {@link #FULL}
     */
    public int idOf(final byte[] buf, final int from, final int to) {
        int length = to - from;
        if (length > 16) {
            return idOfLong(buf, from, to);
        }
        long w0 = word(buf, from, Math.min(length, 8));
        long w1 = length > 8 ? word(buf, from + 8, length - 8) : 0;
        long hash = shortHash(w0, w1, length);
        int mask = slots.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                return add(slot, hash, buf, from, length, w0, w1);
            }
            if (head0[id] == w0 && head1[id] == w1 && offsets[id + 1] - offsets[id] == length) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int idOfLong(final byte[] buf, final int from, final int to) {
        long hash = hash(buf, from, to);
        int mask = slots.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        int length = to - from;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                return add(slot, hash, buf, from, length, word(buf, from, 8), word(buf, from + 8, 8));
            }
            if (hashes[id] == hash && offsets[id + 1] - offsets[id] == length && sameBytes(offsets[id], buf, from, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Returns {@code count} (0..8) bytes at {@code at} as a little-endian word, the other bytes zero. */
    private static long word(final byte[] buf, final int at, final int count) {
        if (count == 0) {
            return 0;
        }
        if (at + 8 <= buf.length) {
            long word = (long) LONGS.get(buf, at);
            return count == 8 ? word : word & ((1L << (count << 3)) - 1);
        }
        long word = 0;
        for (int i = 0; i < count; i++) {
            word |= (buf[at + i] & 0xFFL) << (i << 3);
        }
        return word;
    }

    private static long shortHash(final long w0, final long w1, final int length) {
        long h = (w0 * MULTIPLIER) ^ Long.rotateLeft(w1 * 0xC2B2AE3D27D4EB4FL, 31) ^ length;
        h ^= h >>> 32;
        h *= MULTIPLIER;
        return h ^ (h >>> 29);
    }

    /**
     * Compares keys eight bytes at a time, with one overlapping or masked read for the tail:
     * Arrays.equals has a high fixed cost for a few bytes. The arena keeps 8 spare bytes at its end.
     */
    private boolean sameBytes(final int offset, final byte[] buf, final int from, final int length) {
        if (length >= 8) {
            int last = length - 8;
            for (int i = 0; i < last; i += 8) {
                if ((long) LONGS.get(arena, offset + i) != (long) LONGS.get(buf, from + i)) {
                    return false;
                }
            }
            return (long) LONGS.get(arena, offset + last) == (long) LONGS.get(buf, from + last);
        }
        if (from + 8 <= buf.length) {
            long mask = (1L << (length << 3)) - 1;
            return (((long) LONGS.get(arena, offset) ^ (long) LONGS.get(buf, from)) & mask) == 0;
        }
        for (int i = 0; i < length; i++) {
            if (arena[offset + i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    private int add(final int slot, final long hash, final byte[] buf, final int from, final int length, final long w0,
            final long w1) {
        if (size == CAPACITY) {
            return FULL;
        }
        int id = size++;
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
            head0 = Arrays.copyOf(head0, id * 2);
            head1 = Arrays.copyOf(head1, id * 2);
            offsets = Arrays.copyOf(offsets, id * 2 + 1);
            strings = Arrays.copyOf(strings, id * 2);
            missing = Arrays.copyOf(missing, id * 2);
        }
        int offset = offsets[id];
        if (offset + length + 8 > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, offset + length + 8));
        }
        System.arraycopy(buf, from, arena, offset, length);
        offsets[id + 1] = offset + length;
        hashes[id] = hash;
        head0[id] = w0;
        head1[id] = w1;
        slots[slot] = id;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = (int) (hashes[id] ^ (hashes[id] >>> 32)) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id;
        }
        slots = bigger;
    }

    /**
     * Records whether a value spells a missing value, so that the check runs once per distinct value.
     *
     * @param id        the id
     * @param isMissing whether it is a missing spelling
     */
    public void markMissing(final int id, final boolean isMissing) {
        missing[id] = isMissing;
    }

    /**
     * Returns whether a value was marked as a missing spelling.
     *
     * @param id the id
     * @return {@code true} if it spells a missing value
     */
    public boolean isMissing(final int id) {
        return missing[id];
    }

    /**
     * Returns the 64-bit hash of a value's bytes, as {@link #hash(byte[], int, int)} computes it.
     *
     * @param id the id
     * @return the hash
     */
    public long hashOf(final int id) {
        return hashes[id];
    }

    /**
     * Returns the bytes of a value.
     *
     * @param id the id
     * @return a copy of its bytes
     */
    public byte[] bytes(final int id) {
        return Arrays.copyOfRange(arena, offsets[id], offsets[id + 1]);
    }

    /**
     * Returns a value as a String, decoded once and then remembered.
     *
     * @param id      the id
     * @param decoder decodes the bytes (and rejects invalid UTF-8)
     * @return the value
     */
    public String value(final int id, final Utf8 decoder) {
        String value = strings[id];
        if (value == null) {
            value = decoder.decode(arena, offsets[id], offsets[id + 1]);
            strings[id] = value;
        }
        return value;
    }

    /**
     * A fast 64-bit hash of bytes (8 bytes at a time, multiply-xorshift mixing); good enough to spread
     * keys in a table, not meant to resist attacks.
     *
     * @param buf  the bytes
     * @param from the first byte
     * @param to   one past the last byte
     * @return the hash
     */
    public static long hash(final byte[] buf, final int from, final int to) {
        int length = to - from;
        if (length <= 16) {
            return shortHash(word(buf, from, Math.min(length, 8)), length > 8 ? word(buf, from + 8, length - 8) : 0, length);
        }
        long h = length * MULTIPLIER;
        int p = from;
        while (to - p >= 8) {
            h = (h ^ (long) LONGS.get(buf, p)) * MULTIPLIER;
            h ^= h >>> 29;
            p += 8;
        }
        long tail = 0;
        for (int shift = 0; p < to; p++, shift += 8) {
            tail |= (buf[p] & 0xFFL) << shift;
        }
        h = (h ^ tail) * MULTIPLIER;
        h ^= h >>> 32;
        h *= MULTIPLIER;
        return h ^ (h >>> 29);
    }
}
