// SPDX-License-Identifier: GPL-2.0
/*
 * fence_probe: does a V4L2 mem2mem capture buffer carry a real write fence
 * on its exported dma-buf while the device fills it?
 *
 * Runs in the qemu validation guest against vim2m. For every job it queues
 * one OUTPUT and one CAPTURE buffer (the capture buffer exported once with
 * VIDIOC_EXPBUF), and while the job is in flight exports a sync_file with
 * DMA_BUF_IOCTL_EXPORT_SYNC_FILE, reads SYNC_IOC_FILE_INFO and polls both
 * the sync_file and the dma-buf; after VIDIOC_DQBUF it looks again.
 *
 * With release fences, the fence is videobuf2's own, unsignalled while the
 * job runs and signalled after DQBUF. Without them the export returns the
 * signalled "stub" fence at once: the gap the series closes.
 *
 * Output, one line per fact, for the host to parse:
 *   fence-probe: device /dev/videoN
 *   fence-probe: job I phase=in-flight driver=D status=S sync-poll=P dmabuf-poll=Q
 *   fence-probe: job I phase=done driver=D status=S sync-poll=P dmabuf-poll=Q
 *   fence-probe: summary jobs=N fenced=.. unsignalled-in-flight=.. signalled-done=.. stub=.. errors=..
 *   fence-probe: verdict fence|stub|broken
 * status: 1 signalled, 0 pending, < 0 the fence's error.
 * An ioctl that fails prints "fence-probe: error <what>: <errno text>" and
 * counts as an error; ENOTTY from the export never passes for the stub.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/dma-buf.h>
#include <linux/sync_file.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* vim2m's private controls (drivers/media/test-drivers/vim2m.c) */
#define VIM2M_CID_TRANS_TIME_MSEC (V4L2_CID_USER_BASE + 0x1000)

enum { WIDTH = 320, HEIGHT = 240, BUFFERS = 2 };

static int errors;

static void fail(const char *what)
{
	printf("fence-probe: error %s: %s\n", what, strerror(errno));
	errors++;
}

static int xioctl(int fd, unsigned long request, void *arg)
{
	int ret;

	do
		ret = ioctl(fd, request, arg);
	while (ret < 0 && errno == EINTR);
	return ret;
}

static int open_vim2m(char *path, size_t size)
{
	for (int i = 0; i < 16; i++) {
		struct v4l2_capability cap;
		int fd;

		snprintf(path, size, "/dev/video%d", i);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (xioctl(fd, VIDIOC_QUERYCAP, &cap) == 0 &&
		    strcmp((const char *)cap.driver, "vim2m") == 0)
			return fd;
		close(fd);
	}
	return -1;
}

static int set_format(int fd, enum v4l2_buf_type type)
{
	struct v4l2_format fmt = { .type = type };

	fmt.fmt.pix.width = WIDTH;
	fmt.fmt.pix.height = HEIGHT;
	fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_RGB24;
	fmt.fmt.pix.field = V4L2_FIELD_NONE;
	return xioctl(fd, VIDIOC_S_FMT, &fmt);
}

static int request_buffers(int fd, enum v4l2_buf_type type)
{
	struct v4l2_requestbuffers req = {
		.count = BUFFERS, .type = type, .memory = V4L2_MEMORY_MMAP,
	};

	if (xioctl(fd, VIDIOC_REQBUFS, &req) < 0)
		return -1;
	return req.count == BUFFERS ? 0 : (errno = ENOMEM, -1);
}

static int queue_buffer(int fd, enum v4l2_buf_type type, unsigned int index)
{
	struct v4l2_buffer buf = {
		.type = type, .memory = V4L2_MEMORY_MMAP, .index = index,
	};

	if (type == V4L2_BUF_TYPE_VIDEO_OUTPUT)
		buf.bytesused = WIDTH * HEIGHT * 3;
	return xioctl(fd, VIDIOC_QBUF, &buf);
}

static int dequeue_buffer(int fd, enum v4l2_buf_type type)
{
	struct v4l2_buffer buf = { .type = type, .memory = V4L2_MEMORY_MMAP };

	return xioctl(fd, VIDIOC_DQBUF, &buf);
}

static int export_buffer(int fd, unsigned int index)
{
	struct v4l2_exportbuffer exp = {
		.type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .index = index,
		.flags = O_RDONLY | O_CLOEXEC,
	};

	return xioctl(fd, VIDIOC_EXPBUF, &exp) < 0 ? -1 : exp.fd;
}

static int set_transtime(int fd, int msec)
{
	struct v4l2_control ctrl = { .id = VIM2M_CID_TRANS_TIME_MSEC, .value = msec };

	return xioctl(fd, VIDIOC_S_CTRL, &ctrl);
}

/* POLLIN within @timeout_ms: 1 ready, 0 not ready, -1 error. */
static int poll_in(int fd, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int ret = poll(&pfd, 1, timeout_ms);

	return ret < 0 ? -1 : ret > 0 && (pfd.revents & POLLIN);
}

struct fence_state {
	char driver[32];
	int status;
	int sync_poll;
	int dmabuf_poll;
};

/* Export the dma-buf's write fences as a sync_file and describe them. */
static int look_at_fence(int dmabuf, struct fence_state *state)
{
	struct dma_buf_export_sync_file export = { .flags = DMA_BUF_SYNC_READ, .fd = -1 };
	struct sync_fence_info fence_info[4];
	struct sync_file_info info;
	int ret = -1;

	memset(state, 0, sizeof(*state));
	state->dmabuf_poll = poll_in(dmabuf, 0);
	if (xioctl(dmabuf, DMA_BUF_IOCTL_EXPORT_SYNC_FILE, &export) < 0) {
		fail("DMA_BUF_IOCTL_EXPORT_SYNC_FILE");
		return -1;
	}
	memset(&info, 0, sizeof(info));
	memset(fence_info, 0, sizeof(fence_info));
	info.num_fences = 4;
	info.sync_fence_info = (__u64)(unsigned long)fence_info;
	if (xioctl(export.fd, SYNC_IOC_FILE_INFO, &info) < 0) {
		fail("SYNC_IOC_FILE_INFO");
		goto out;
	}
	if (info.num_fences < 1) {
		errno = ENOENT;
		fail("SYNC_IOC_FILE_INFO: no fence");
		goto out;
	}
	snprintf(state->driver, sizeof(state->driver), "%s", fence_info[0].driver_name);
	state->status = info.status;
	state->sync_poll = poll_in(export.fd, 0);
	ret = 0;
out:
	close(export.fd);
	return ret;
}

static void print_state(int job, const char *phase, const struct fence_state *s)
{
	printf("fence-probe: job %d phase=%s driver=%s status=%d sync-poll=%d dmabuf-poll=%d\n",
	       job, phase, s->driver, s->status, s->sync_poll, s->dmabuf_poll);
}

int main(int argc, char **argv)
{
	int jobs = argc > 1 ? atoi(argv[1]) : 100;
	int slow_jobs = argc > 2 ? atoi(argv[2]) : 3;
	int slow_ms = argc > 3 ? atoi(argv[3]) : 300;
	int fast_ms = argc > 4 ? atoi(argv[4]) : 20;
	int fenced = 0, unsignalled = 0, slow_unsignalled = 0, signalled = 0, stub = 0;
	int dmabuf[BUFFERS];
	char path[32];
	int fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = open_vim2m(path, sizeof(path));
	if (fd < 0) {
		printf("fence-probe: error no vim2m device\nfence-probe: verdict broken\n");
		return 1;
	}
	printf("fence-probe: device %s\n", path);
	if (set_format(fd, V4L2_BUF_TYPE_VIDEO_OUTPUT) < 0 ||
	    set_format(fd, V4L2_BUF_TYPE_VIDEO_CAPTURE) < 0 ||
	    request_buffers(fd, V4L2_BUF_TYPE_VIDEO_OUTPUT) < 0 ||
	    request_buffers(fd, V4L2_BUF_TYPE_VIDEO_CAPTURE) < 0) {
		fail("set up queues");
		printf("fence-probe: verdict broken\n");
		return 1;
	}
	for (int i = 0; i < BUFFERS; i++) {
		dmabuf[i] = export_buffer(fd, i);
		if (dmabuf[i] < 0) {
			fail("VIDIOC_EXPBUF");
			printf("fence-probe: verdict broken\n");
			return 1;
		}
	}
	enum v4l2_buf_type out = V4L2_BUF_TYPE_VIDEO_OUTPUT, cap = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	if (xioctl(fd, VIDIOC_STREAMON, &out) < 0 || xioctl(fd, VIDIOC_STREAMON, &cap) < 0) {
		fail("VIDIOC_STREAMON");
		printf("fence-probe: verdict broken\n");
		return 1;
	}

	for (int job = 0; job < jobs; job++) {
		unsigned int index = job % BUFFERS;
		struct fence_state in_flight, done;

		/* A long first few jobs, so "in flight" is certain; then many short ones. */
		if (job == 0 || job == slow_jobs)
			set_transtime(fd, job < slow_jobs ? slow_ms : fast_ms);
		if (queue_buffer(fd, cap, index) < 0 || queue_buffer(fd, out, index) < 0) {
			fail("VIDIOC_QBUF");
			break;
		}
		int looked = look_at_fence(dmabuf[index], &in_flight);
		if (dequeue_buffer(fd, cap) < 0 || dequeue_buffer(fd, out) < 0) {
			fail("VIDIOC_DQBUF");
			break;
		}
		if (looked < 0 || look_at_fence(dmabuf[index], &done) < 0)
			continue;
		if (job < slow_jobs || job == jobs - 1) {
			print_state(job, "in-flight", &in_flight);
			print_state(job, "done", &done);
		}
		if (strcmp(in_flight.driver, "stub") == 0)
			stub++;
		else
			fenced++;
		if (in_flight.status == 0 && !in_flight.sync_poll && !in_flight.dmabuf_poll) {
			unsignalled++;
			slow_unsignalled += job < slow_jobs;
		}
		if (done.status == 1 && done.sync_poll == 1 && done.dmabuf_poll == 1)
			signalled++;
	}
	xioctl(fd, VIDIOC_STREAMOFF, &cap);
	xioctl(fd, VIDIOC_STREAMOFF, &out);

	printf("fence-probe: summary jobs=%d fenced=%d unsignalled-in-flight=%d signalled-done=%d stub=%d errors=%d\n",
	       jobs, fenced, unsignalled, signalled, stub, errors);
	/*
	 * "fence": every job had videobuf2's fence, signalled after DQBUF, and
	 * the slow jobs (certainly in flight when looked at) saw it pending.
	 * "stub": every export gave the signalled stub (the kernel without
	 * release fences). Anything else is broken.
	 */
	const char *verdict = "broken";
	if (!errors && fenced == jobs && signalled == jobs && slow_unsignalled == slow_jobs)
		verdict = "fence";
	else if (!errors && stub == jobs && signalled == jobs)
		verdict = "stub";
	printf("fence-probe: verdict %s\n", verdict);
	return strcmp(verdict, "broken") == 0;
}
