#include "hw/job_plan.h"

#include <algorithm>
#include <glob.h>

#include "hw/boot_check.h"
#include "hw/open_ssh.h"
#include "util/error.h"

namespace seriesctl::hw {

namespace fs = std::filesystem;

Variables job_variables(const BoardJob& job, const JobContext& context) {
    Variables values = job.vars;
    values["series"] = context.series;
    values["version"] = context.version;
    if (!context.run.empty()) values["run"] = context.run;
    values["patches"] = context.patches;
    values["configs"] = context.configs;
    values["local"] = context.local.string();
    values["remote"] = substitute(job.remote, values);
    return values;
}

JobStep resolve_step(const JobStep& step, const Variables& values) {
    JobStep resolved = step;
    resolved.command = substitute(step.command, values);
    resolved.expect_kernel = substitute(step.expect_kernel, values);
    resolved.to = substitute(step.to, values);
    for (auto& file : resolved.files) file = substitute(file, values);
    return resolved;
}

std::string workload_script(const BoardJob& job, const JobStep& resolved, const Variables& values) {
    std::string out = values.at("remote") + "/" + resolved.name;
    std::string dmesg = substitute(job.dmesg, values);
    std::string script = "set -e\nout=" + shell_quote(out) + "\nmkdir -p \"$out/screenshots\"\n" +
                         substitute(job.trace_start, values) + "\nbefore=$(" + dmesg + " | wc -l)\n";
    if (resolved.screenshot_interval > 0) {
        Variables with_file = values;
        with_file["file"] = "\"$out/screenshots/$(printf %04d $shot).png\"";
        std::string take = substitute(job.screenshot, with_file);
        // Stopped by a file, not a signal, so the screenshot being taken is finished.
        script += "( shot=0; while sleep " + std::to_string(resolved.screenshot_interval) +
                  " && [ ! -e \"$out/stop\" ]; do shot=$((shot + 1)); " + take + " || true; done ) &\nshots=$!\n";
    }
    script += "status=0\ntimeout " + std::to_string(resolved.duration) + " sh -c " + shell_quote(resolved.command) +
              " || status=$?\n";
    if (resolved.screenshot_interval > 0) script += "touch \"$out/stop\"\nwait $shots || true\nrm -f \"$out/stop\"\n";
    script += substitute(job.trace_stop, values) + " > \"$out/trace.txt\"\n" + dmesg +
              " | tail -n +$((before + 1)) > \"$out/dmesg.txt\"\n"
              "echo \"workload exit status $status\"\n"
              "[ $status -eq 0 ] || [ $status -eq 124 ]";
    return script;
}

std::vector<fs::path> expand_local(const std::vector<std::string>& patterns, const fs::path& root, bool keep_unmatched) {
    std::vector<fs::path> files;
    for (const auto& pattern : patterns) {
        fs::path full = fs::path(pattern).is_absolute() ? fs::path(pattern) : root / pattern;
        glob_t found{};
        int rc = ::glob(full.c_str(), 0, nullptr, &found);
        std::vector<fs::path> matched;
        if (rc == 0)
            for (size_t i = 0; i < found.gl_pathc; ++i) matched.emplace_back(found.gl_pathv[i]);
        ::globfree(&found);
        if (matched.empty() && !keep_unmatched) throw util::Error("no local file matches " + full.string());
        if (matched.empty()) matched.push_back(full);
        std::sort(matched.begin(), matched.end());
        for (auto& file : matched) files.push_back(fs::path(pattern).is_absolute() ? file : file.lexically_relative(root));
    }
    return files;
}

namespace {

std::string scp_put(const std::vector<fs::path>& files, const std::string& destination, const std::string& dir) {
    std::string text = "scp -p";
    for (const auto& file : files) text += " " + file.string();
    return text + " " + destination + ":" + dir + (dir.ends_with("/") ? "" : "/");
}

std::string scp_get(const std::vector<std::string>& paths, const std::string& destination, const std::string& dir) {
    std::string text = "scp -r -p";
    for (const auto& path : paths) text += " " + destination + ":" + path;
    return text + " " + dir + "/";
}

}  // namespace

std::vector<PlannedStep> plan_job(const HostConfig& hosts, const HostSpec& board, const JobContext& context,
                                  const fs::path& root, int reboot_poll_seconds) {
    Variables values = job_variables(board.job, context);
    std::vector<PlannedStep> plan;
    for (const auto& step : board.job.steps) {
        JobStep resolved = resolve_step(step, values);
        const HostSpec& host = hosts.at(step.host);
        PlannedStep planned{step.name, host.name, host.ssh, "", step.timeout, {}, {}};
        switch (step.kind) {
        case JobStep::Kind::run:
            planned.kind = "run";
            planned.commands = {resolved.command};
            if (!step.capture.empty()) planned.notes.push_back("{" + step.capture + "} = its last output line");
            break;
        case JobStep::Kind::put:
            planned.kind = "put";
            planned.commands = {"mkdir -p " + resolved.to,
                                scp_put(expand_local(resolved.files, root, true), host.ssh, resolved.to)};
            break;
        case JobStep::Kind::get:
            planned.kind = "get";
            planned.commands = {scp_get(resolved.files, host.ssh, resolved.to)};
            break;
        case JobStep::Kind::reboot:
            planned.kind = "reboot";
            planned.commands = {boot_probe_script(), resolved.command};
            planned.notes.push_back("then every " + std::to_string(reboot_poll_seconds) +
                                    " s until the boot_id changes and uname -r is " + resolved.expect_kernel + ": " +
                                    boot_probe_script());
            break;
        case JobStep::Kind::workload:
            planned.kind = "workload";
            planned.commands = {workload_script(board.job, resolved, values),
                                scp_get({values.at("remote") + "/" + step.name}, host.ssh, values.at("local"))};
            planned.notes.push_back("its trace.txt, dmesg.txt and screenshots/ are analysed");
            break;
        }
        plan.push_back(planned);
    }
    return plan;
}

}  // namespace seriesctl::hw
