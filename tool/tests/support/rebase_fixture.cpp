#include "support/rebase_fixture.h"

#include <algorithm>

#include "support/public_inbox.h"
#include "support/source_paths.h"
#include "support/temp_dir.h"
#include "util/atomic_file.h"

namespace fs = std::filesystem;

namespace seriesctl::test {

namespace {

const char* rga_path = "drivers/media/platform/rockchip/rga/rga.c";
const char* vb2_path = "drivers/media/common/videobuf2/videobuf2-core.c";

const char* rga_head = R"(// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Copyright (C) 2017 Fuzhou Rockchip Electronics Co.Ltd
 * Author: Jacob Chen <jacob-chen@iotwrt.com>
 */

#include <linux/clk.h>
#include <linux/interrupt.h>
#include <media/v4l2-mem2mem.h>

#include "rga-hw.h"
#include "rga.h"

)";

const char* device_run = R"(static void device_run(void *prv)
{
	struct rga_ctx *ctx = prv;
	struct rockchip_rga *rga = ctx->rga;
	struct vb2_v4l2_buffer *src, *dst;
	unsigned long flags;

	spin_lock_irqsave(&rga->ctrl_lock, flags);

	rga->curr = ctx;

	src = v4l2_m2m_next_src_buf(ctx->fh.m2m_ctx);
	src->sequence = ctx->osequence++;

	dst = v4l2_m2m_next_dst_buf(ctx->fh.m2m_ctx);

	rga_hw_start(rga, vb_to_rga(src), vb_to_rga(dst));

	spin_unlock_irqrestore(&rga->ctrl_lock, flags);
}
)";

const char* rga_tail = R"(
static irqreturn_t rga_isr(int irq, void *prv)
{
	struct rockchip_rga *rga = prv;
	int intr;

	intr = rga_read(rga, RGA_INT) & 0xf;

	rga_mod(rga, RGA_INT, intr << 4, 0xf << 4);

	return IRQ_HANDLED;
}

static int
queue_init(void *priv, struct vb2_queue *src_vq, struct vb2_queue *dst_vq)
{
	struct rga_ctx *ctx = priv;

	dst_vq->type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
	dst_vq->lock = &ctx->rga->mutex;
	dst_vq->dev = ctx->rga->v4l2_dev.dev;

	return vb2_queue_init(dst_vq);
}
)";

const char* vb2_base = R"(// SPDX-License-Identifier: GPL-2.0-only
/*
 * videobuf2-core.c - video buffer 2 core framework
 */

#include <linux/dma-resv.h>
#include <media/videobuf2-core.h>

void vb2_buffer_done(struct vb2_buffer *vb, enum vb2_buffer_state state)
{
	struct vb2_queue *q = vb->vb2_queue;

	if (WARN_ON(vb->state != VB2_BUF_STATE_ACTIVE))
		return;

	vb->state = state;
	wake_up(&q->done_wq);
}
EXPORT_SYMBOL_GPL(vb2_buffer_done);

int vb2_core_queue_init(struct vb2_queue *q)
{
	if (WARN_ON(!q) || WARN_ON(!q->ops))
		return -EINVAL;

	INIT_LIST_HEAD(&q->queued_list);
	return 0;
}
EXPORT_SYMBOL_GPL(vb2_core_queue_init);
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture: '" + from + "' not found");
    return text.replace(at, from.size(), to);
}

std::string rga(const std::string& run) { return std::string(rga_head) + run + rga_tail; }

std::string trimmed(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    return text;
}

// Our series: the vb2 helper, then the rga driver publishing from device_run.
void commit_series(const GitRepo& repo) {
    repo.write(vb2_path, replaced(vb2_base, "EXPORT_SYMBOL_GPL(vb2_buffer_done);\n",
                                  "EXPORT_SYMBOL_GPL(vb2_buffer_done);\n\nint vb2_buffer_attach_release_fence(struct "
                                  "vb2_buffer *vb)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL_GPL(vb2_buffer_attach_release_"
                                  "fence);\n"));
    repo.commit("media: videobuf2: add a release-fence helper\n\nDrivers publish a fence.\n\nSigned-off-by: Ada Tester "
                "<ada@example.org>");
    repo.git({"notes", "add", "-m", "Changes in v2:\n- Opt-in per queue (Christian König)"});
    std::string run = replaced(device_run, "\tspin_lock_irqsave(&rga->ctrl_lock, flags);\n",
                               "\tsrc = v4l2_m2m_next_src_buf(ctx->fh.m2m_ctx);\n"
                               "\tdst = v4l2_m2m_next_dst_buf(ctx->fh.m2m_ctx);\n\n"
                               "\tvb2_buffer_attach_release_fence(&dst->vb2_buf);\n\n"
                               "\tspin_lock_irqsave(&rga->ctrl_lock, flags);\n");
    run = replaced(run, "\tsrc = v4l2_m2m_next_src_buf(ctx->fh.m2m_ctx);\n\tsrc->sequence", "\tsrc->sequence");
    run = replaced(run, "\tdst = v4l2_m2m_next_dst_buf(ctx->fh.m2m_ctx);\n\n\trga_hw_start", "\trga_hw_start");
    repo.write(rga_path, rga(run));
    repo.commit("media: rockchip: rga: publish release fences\n\nFrom device_run.\n\nSigned-off-by: Ada Tester "
                "<ada@example.org>");
    repo.git({"notes", "add", "-m", "Changes in v2:\n- Attach in device_run (Nicolas Dufresne)"});
}

}  // namespace

RebaseFixture::RebaseFixture(const fs::path& root)
    : root_(root), project_(root / "project"), home_(root / "home"), upstream_(root / "upstream") {
    const GitRepo& up = upstream_;
    up.write(rga_path, rga(device_run));
    up.write(vb2_path, vb2_base);
    up.commit("Linux 6.12");
    up.git({"branch", "clean"});

    up.git({"checkout", "-q", "-b", "offset", "clean"});
    up.write(rga_path, replaced(rga(device_run), "#include <linux/clk.h>\n",
                                "#include <linux/bitfield.h>\n#include <linux/clk.h>\n#include <linux/debugfs.h>\n"
                                "#include <linux/delay.h>\n#include <linux/dma-mapping.h>\n"));
    up.write(vb2_path, replaced(vb2_base, "#include <linux/dma-resv.h>\n",
                                "#include <linux/dma-resv.h>\n#include <linux/err.h>\n#include <linux/mm.h>\n"));
    up.commit("media: more includes");

    up.git({"checkout", "-q", "-b", "fuzz", "clean"});
    up.write(rga_path, rga(replaced(device_run, "\tstruct vb2_v4l2_buffer *src, *dst;\n",
                                    "\tstruct vb2_v4l2_buffer *src, *dst; /* the job's buffers */\n")));
    up.commit("media: rockchip: rga: name the buffers");

    up.git({"checkout", "-q", "-b", "nearby", "clean"});
    up.write(rga_path, rga(replaced(device_run, "\trga->curr = ctx;\n", "\trga->curr = ctx; /* for rga_isr() */\n")));
    up.commit("media: rockchip: rga: say who reads curr");

    up.git({"checkout", "-q", "-b", "rewrite", "clean"});
    std::string restructured = R"(static void device_run(void *prv)
{
	struct rga_ctx *ctx = prv;
	struct rockchip_rga *rga = ctx->rga;
	struct rga_vb_buffer *src, *dst;

	src = rga_next_src(ctx);
	dst = rga_next_dst(ctx);

	guard(spinlock_irqsave)(&rga->ctrl_lock);
	rga->curr = ctx;
	src->vb.sequence = ctx->osequence++;
	rga->hw->start(rga, src, dst);
}
)";
    up.write(rga_path, rga(restructured));
    up.commit("media: rockchip: rga: move the hw start behind rga_hw ops\n\nFor RGA3.\n\nSigned-off-by: Sven Tester "
              "<sven@example.org>");

    up.git({"checkout", "-q", "-b", "series", "clean"});
    commit_series(up);
    v2_ = up.format_patch("clean..series", project_ / "kernel" / "demo" / "v2",
                          {"--notes", "--subject-prefix=PATCH RFC", "-v2"});
    up.format_patch("clean..series", project_ / "kernel" / "demo" / "v1", {"--subject-prefix=PATCH RFC"});
    up.git({"checkout", "-q", "clean"});

    write(project_ / "series" / "demo.yaml", "schema: 1\nname: demo\ntitle: \"demo: release fences\"\nprefix: PATCH "
                                             "RFC\nchange-id: 20260428-demo-fences-0123456789ab\nfrom: Ada Tester "
                                             "<ada@example.org>\ntree: clean\nversions:\n"
                                             "  - version: v1\n    state: sent\n    patches: kernel/demo/v1\n"
                                             "    sent:\n      date: 2026-05-01\n      cover: v1-cover@example.org\n"
                                             "  - version: v2\n    state: draft\n    patches: kernel/demo/v2\n"
                                             "    base:\n      tree: clean\n      commit: " +
                                                 tip("clean") + "\n");
    std::string trees = "trees:\n";
    for (const char* tree : {"clean", "offset", "fuzz", "nearby", "rewrite"})
        trees += std::string("  ") + tree + ":\n    kind: remote\n    url: file://" + upstream_.dir().string() +
                 "\n    branch: " + tree + "\n";
    write(project_ / "config" / "trees.yaml", trees);
    write(project_ / "config" / "lore.yaml", "url: http://127.0.0.1:9\ninbox: all\n");
    fs::create_directories(home_);
}

std::string RebaseFixture::tip(const std::string& tree) const { return trimmed(upstream_.git({"rev-parse", tree})); }

std::vector<std::string> RebaseFixture::rewrite_series_mails(std::string* cover_id) const {
    auto files = upstream_.format_patch("clean..rewrite", root_ / "rewrite-series",
                                        {"--cover-letter", "--thread", "--subject-prefix=PATCH v5"});
    std::vector<std::string> mails;
    for (const auto& file : files) {
        std::string text = util::read_file(file);
        mails.push_back(text.substr(text.find('\n') + 1));  // a mail, without format-patch's mbox "From " line
    }
    auto id = mails.front().find("Message-Id: <");
    *cover_id = mails.front().substr(id + 13, mails.front().find('>', id) - id - 13);
    return mails;
}

GitDaemon::GitDaemon(const fs::path& base) : port_(free_port()) {
    proc::Command command{{"timeout", "120", "git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
                     "--port=" + std::to_string(port_), "--base-path=" + base.string(), base.string()},
                    base,
                    git_test_env()};
    process_ = std::make_unique<proc::Subprocess>(command, proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "git daemon");
}

std::string GitDaemon::url(const std::string& name) const {
    return "git://127.0.0.1:" + std::to_string(port_) + "/" + name;
}

GitHttpServer::GitHttpServer(const fs::path& base) : port_(free_port()) {
    proc::Command command{{"timeout", "120", "/usr/bin/python3", source_dir() + "/tool/tests/support/git_http_gateway.py",
                           "--port", std::to_string(port_), "--root", base.string()},
                          base,
                          git_test_env()};
    process_ = std::make_unique<proc::Subprocess>(command, proc::Subprocess::Stdin::closed);
    wait_for_port(port_, "git http-backend's server");
}

std::string GitHttpServer::url(const std::string& name) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + name;
}

}  // namespace seriesctl::test
