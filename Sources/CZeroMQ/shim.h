#ifndef NEWSBUS_CZEROMQ_SHIM_H
#define NEWSBUS_CZEROMQ_SHIM_H

#include <zmq.h>
#include <errno.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

/* A non-blocking eventfd used to wake a thread that sleeps in zmq_poll. */
static inline int czmq_wakefd_open(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
static inline void czmq_wakefd_signal(int fd) { uint64_t one = 1; ssize_t n = write(fd, &one, sizeof one); (void)n; }
static inline void czmq_wakefd_drain(int fd) { uint64_t value; ssize_t n = read(fd, &value, sizeof value); (void)n; }
static inline void czmq_wakefd_close(int fd) { close(fd); }

/* errno values and libzmq constants that Swift cannot import as plain integers. */
static inline int czmq_errno_again(void) { return EAGAIN; }
static inline int czmq_errno_intr(void) { return EINTR; }
static inline int czmq_errno_term(void) { return ETERM; }
static inline int czmq_errno_hostunreach(void) { return EHOSTUNREACH; }
static inline int czmq_errno_fsm(void) { return EFSM; }
static inline int czmq_errno_notsock(void) { return ENOTSOCK; }
static inline int czmq_errno_addrinuse(void) { return EADDRINUSE; }
static inline int czmq_errno_addrnotavail(void) { return EADDRNOTAVAIL; }
static inline int czmq_errno_nodev(void) { return ENODEV; }
static inline int czmq_errno_inval(void) { return EINVAL; }
static inline int czmq_errno_protonosupport(void) { return EPROTONOSUPPORT; }
static inline int czmq_errno_noentry(void) { return ENOENT; }
static inline int czmq_errno_msgsize(void) { return EMSGSIZE; }
static inline int czmq_errno_mthread(void) { return EMTHREAD; }
static inline int czmq_errno_nocompatproto(void) { return ENOCOMPATPROTO; }

#endif
