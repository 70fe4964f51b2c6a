// SPDX-License-Identifier: Apache-2.0
/*
 * ap4j_read_dir(): the named entries of one directory in one call, for reading a sysfs device
 * directory (a queue's dozen attribute files and its driver link) without a Java file channel
 * per file. The design and why it is safe on a fixture tree are in docs/native.md, "Reading
 * a directory".
 *
 * One listing (readdir, which reports each entry's type: DT_REG, DT_LNK, ... from the
 * directory itself, no stat), then for each wanted regular file one openat() relative to the
 * directory, one read() and one close(), and for each wanted link one readlinkat(). Anything
 * else, and any failure, is answered AP4J_ENTRY_ASK: the caller then reads that entry its own
 * careful way and reports it as it would have anyway, so this call only ever saves work.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* The index of name in the count names of names[] (offsets in at[]), or -1. */
static int32_t wanted(const char *name, const char *names, const int32_t *at, int32_t count)
{
    for (int32_t i = 0; i < count; i++) {
        if (strcmp(name, names + at[i]) == 0)
            return i;
    }
    return -1;
}

/* One read() of a regular file: its whole contents, up to room bytes; -1 on failure. */
static ssize_t read_file(int dfd, const char *name, char *dst, size_t room)
{
    /* O_NONBLOCK and O_NOCTTY: should the entry have become a FIFO or a device since the
     * listing said "regular file", the open neither waits for a writer nor takes a terminal. */
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0)
        return -1;
    do {
        n = read(fd, dst, room);
    } while (n < 0 && errno == EINTR);
    close(fd);
    return n;
}

/* The directory dir, itself not a link (O_NOFOLLOW), for listing; NULL with the failure
 * recorded (AP4J_E_SYSTEM, errno kept) when it cannot be opened or listed. */
static DIR *open_dir(const char *dir, const char *who)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d;

    if (dfd < 0) {
        ap4j_fail_detail(AP4J_FAIL_ERRNO, errno);
        ap4j_fail(AP4J_E_SYSTEM, "%s: cannot open the directory", who);
        return NULL;
    }
    d = fdopendir(dfd);
    if (d == NULL) {
        ap4j_fail_detail(AP4J_FAIL_ERRNO, errno);
        close(dfd);
        ap4j_fail(AP4J_E_SYSTEM, "%s: cannot list the directory", who);
    }
    return d;
}

int32_t ap4j_read_dir(const char *dir, const char *names, int32_t names_len, int32_t count,
                      int32_t max_file, char *out, int32_t out_len, int32_t *kinds,
                      int32_t *offsets, int32_t *lengths)
{
    int32_t at[AP4J_READ_DIR_MAX_NAMES];
    int32_t used = 0;
    int32_t pos = 0;
    struct dirent *e;
    DIR *d;
    int dfd;

    ap4j_fail_reset();
    if (dir == NULL || names == NULL || out == NULL || kinds == NULL || offsets == NULL
        || lengths == NULL || count < 1 || count > AP4J_READ_DIR_MAX_NAMES || names_len < 2
        || max_file < 1 || out_len < 1)
        return ap4j_fail(AP4J_E_INVALID_ARG, "ap4j_read_dir: bad arguments");
    if (names[names_len - 1] != '\0')
        return ap4j_fail(AP4J_E_INVALID_ARG, "ap4j_read_dir: names not NUL-terminated");
    for (int32_t i = 0; i < count; i++) {
        if (pos >= names_len || names[pos] == '\0')
            return ap4j_fail(AP4J_E_INVALID_ARG, "ap4j_read_dir: %d names expected", count);
        at[i] = pos;
        kinds[i] = AP4J_ENTRY_ABSENT;
        offsets[i] = 0;
        lengths[i] = 0;
        pos += (int32_t)strlen(names + pos) + 1;
    }

    d = open_dir(dir, "ap4j_read_dir");
    if (d == NULL)
        return AP4J_E_SYSTEM;
    dfd = dirfd(d);
    /* errno is cleared before each readdir(): NULL with errno 0 is the end of the listing. */
    for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
        int32_t i = wanted(e->d_name, names, at, count);
        size_t room = (size_t)(out_len - used);
        ssize_t n = -1;

        if (i < 0)
            continue;
        if (e->d_type == DT_REG) {
            /* One byte more than a file may have, so that a larger one shows as larger; less
             * when the rest of out is smaller, and then a read that fills it may be cut. */
            size_t full = (size_t)max_file + 1;
            size_t ask = room < full ? room : full;

            n = read_file(dfd, e->d_name, out + used, ask);
            if (n >= 0 && (size_t)n == ask && ask < full)
                n = -1;
            if (n >= 0)
                kinds[i] = AP4J_ENTRY_FILE;
        } else if (e->d_type == DT_LNK) {
            n = readlinkat(dfd, e->d_name, out + used, room);
            if (n >= 0 && (size_t)n == room)
                n = -1; /* perhaps cut: the caller reads it itself */
            if (n >= 0)
                kinds[i] = AP4J_ENTRY_LINK;
        }
        if (n < 0) {
            kinds[i] = AP4J_ENTRY_ASK; /* a directory, FIFO, unknown type or failed call */
            continue;
        }
        offsets[i] = used;
        lengths[i] = (int32_t)n;
        used += (int32_t)n;
    }
    if (errno != 0) {
        /* The listing broke off: what it did not reach is unknown, not absent. */
        for (int32_t i = 0; i < count; i++) {
            if (kinds[i] == AP4J_ENTRY_ABSENT)
                kinds[i] = AP4J_ENTRY_ASK;
        }
    }
    closedir(d);
    return AP4J_OK;
}

int32_t ap4j_list_dir(const char *dir, char *out, int32_t out_len, int32_t *count)
{
    int32_t used = 0;
    int32_t n = 0;
    struct dirent *e;
    DIR *d;
    int dfd;

    ap4j_fail_reset();
    if (dir == NULL || out == NULL || count == NULL || out_len < 1)
        return ap4j_fail(AP4J_E_INVALID_ARG, "ap4j_list_dir: bad arguments");
    *count = 0;
    d = open_dir(dir, "ap4j_list_dir");
    if (d == NULL)
        return AP4J_E_SYSTEM;
    dfd = dirfd(d);
    for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
        size_t len = strlen(e->d_name);
        int32_t kind = AP4J_ENTRY_ASK;
        ssize_t t = 0;

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        /* type byte, name, NUL, and for a link its target and a NUL */
        if ((size_t)(out_len - used) < len + 3) {
            closedir(d);
            return ap4j_fail(AP4J_E_SIZE, "ap4j_list_dir: more than %d bytes", out_len);
        }
        memcpy(out + used + 1, e->d_name, len + 1);
        if (e->d_type == DT_LNK) {
            size_t at = (size_t)used + 1 + len + 1;
            size_t room = (size_t)out_len - at;

            t = readlinkat(dfd, e->d_name, out + at, room);
            if (t >= 0 && (size_t)t >= room) {
                closedir(d);
                return ap4j_fail(AP4J_E_SIZE, "ap4j_list_dir: more than %d bytes", out_len);
            }
            if (t >= 0 && memchr(out + at, '\0', (size_t)t) == NULL) {
                out[at + (size_t)t] = '\0';
                kind = AP4J_ENTRY_LINK;
            } else {
                t = 0;
            }
        } else if (e->d_type == DT_REG) {
            kind = AP4J_ENTRY_FILE;
        }
        out[used] = (char)kind;
        used += 1 + (int32_t)len + 1;
        if (kind == AP4J_ENTRY_LINK)
            used += (int32_t)t + 1;
        n++;
    }
    if (errno != 0) {
        ap4j_fail_detail(AP4J_FAIL_ERRNO, errno);
        closedir(d);
        return ap4j_fail(AP4J_E_SYSTEM, "ap4j_list_dir: the listing broke off");
    }
    closedir(d);
    *count = n;
    return AP4J_OK;
}
