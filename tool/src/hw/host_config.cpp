#include "hw/host_config.h"

#include <algorithm>
#include <regex>
#include <set>

#include "config/layered.h"
#include "series/yaml_fields.h"
#include "util/error.h"

namespace seriesctl::hw {

namespace {

const char* const step_kinds[] = {"run", "put", "get", "reboot", "workload"};

// Fails at `key` when `text` names a variable the step cannot have yet.
void check_variables(const series::YamlFields& at, const char* key, const std::string& text,
                     const std::set<std::string>& known) {
    for (const auto& name : variable_names(text))
        if (!known.count(name))
            at.fail(key, "{" + name + "} is not a variable here (built in, the job's vars, or captured by an earlier step)");
}

void check_variables(const series::YamlFields& at, const char* key, const std::vector<std::string>& texts,
                     const std::set<std::string>& known) {
    for (const auto& text : texts) check_variables(at, key, text, known);
}

int timeout(const series::YamlFields& at) {
    int seconds = at.integer("timeout", 0, true);
    if (seconds == 0) at.fail("timeout", "must be more than 0");
    return seconds;
}

JobStep parse_step(const series::YamlFields& at, std::set<std::string>& known) {
    static const std::regex name_shape("[a-z0-9][a-z0-9._-]*");
    JobStep step;
    step.name = at.text("name");
    if (!std::regex_match(step.name, name_shape)) at.fail("name", "'" + step.name + "' is not a step name (a-z 0-9 . _ -)");
    step.host = at.text("host");
    step.timeout = timeout(at);
    std::vector<const char*> given;
    for (const char* kind : step_kinds)
        if (at.has(kind)) given.push_back(kind);
    if (given.size() != 1) at.fail("name", "a step is exactly one of run, put, get, reboot, workload");
    std::string kind = given.front();
    if (kind == "run") {
        step.kind = JobStep::Kind::run;
        step.command = at.text("run");
        check_variables(at, "run", step.command, known);
        step.capture = at.optional_text("capture");
        if (!step.capture.empty()) {
            if (variable_names("{" + step.capture + "}").empty()) at.fail("capture", "'" + step.capture + "' is not a variable name");
            known.insert(step.capture);
        }
    } else if (kind == "put" || kind == "get") {
        step.kind = kind == "put" ? JobStep::Kind::put : JobStep::Kind::get;
        step.files = at.texts(kind.c_str());
        if (step.files.empty()) at.fail(kind.c_str(), "names no files");
        check_variables(at, kind.c_str(), step.files, known);
        step.to = at.text("to");
        check_variables(at, "to", step.to, known);
    } else if (kind == "reboot") {
        step.kind = JobStep::Kind::reboot;
        step.command = at.text("reboot");
        step.expect_kernel = at.text("expect-kernel");
        check_variables(at, "reboot", step.command, known);
        check_variables(at, "expect-kernel", step.expect_kernel, known);
    } else {
        step.kind = JobStep::Kind::workload;
        step.command = at.text("workload");
        check_variables(at, "workload", step.command, known);
        step.duration = at.integer("duration", 0, true);
        if (step.duration == 0) at.fail("duration", "must be more than 0");
        step.screenshot_interval = at.integer("screenshots", 0);
        if (step.timeout <= step.duration) at.fail("timeout", "must be longer than the workload's duration");
    }
    return step;
}

BoardJob parse_job(const series::YamlFields& at) {
    BoardJob job;
    job.vars = at.text_map("vars");
    std::set<std::string> known(builtin_job_variables().begin(), builtin_job_variables().end());
    for (const auto& [name, value] : job.vars) {
        if (known.count(name)) at.fail("vars", "'" + name + "' is a built-in variable");
        if (variable_names("{" + name + "}").empty()) at.fail("vars", "'" + name + "' is not a variable name");
    }
    for (const auto& [name, value] : job.vars) known.insert(name);
    // Variables may name other variables; the job's texts are filled in with
    // the vars expanded first.
    for (auto& [name, value] : job.vars) {
        check_variables(at, "vars", value, known);
        value = substitute(value, job.vars);
    }
    auto read = [&](const char* key, std::string& text, const std::set<std::string>& allowed) {
        text = at.text(key);
        check_variables(at, key, text, allowed);
    };
    read("remote", job.remote, known);
    read("trace-start", job.trace_start, known);
    read("trace-stop", job.trace_stop, known);
    read("dmesg", job.dmesg, known);
    std::set<std::string> with_file = known;
    with_file.insert("file");
    read("screenshot", job.screenshot, with_file);
    std::set<std::string> names;
    at.each("steps", [&](const series::YamlFields& item) {
        job.steps.push_back(parse_step(item, known));
        if (!names.insert(job.steps.back().name).second) item.fail("name", "a second step named '" + job.steps.back().name + "'");
    });
    if (job.steps.empty()) at.fail("steps", "a board's job needs steps");
    return job;
}

}  // namespace

const std::vector<std::string>& builtin_job_variables() {
    static const std::vector<std::string> names = {"series", "version", "run", "patches", "configs", "local", "remote"};
    return names;
}

HostConfig parse_host_config(const std::string& text, const std::string& file) {
    YAML::Node root = series::parse_yaml(text, file);
    HostConfig config;
    if (!root || root.IsNull()) return config;
    series::YamlFields at(root, "", file);
    static const std::regex name_shape("[a-z0-9][a-z0-9._-]*");
    at.each_entry("hosts", [&](const std::string& name, const series::YamlFields& item) {
        if (!std::regex_match(name, name_shape)) item.fail("ssh", "'" + name + "' is not a host name (a-z 0-9 . _ -)");
        HostSpec host;
        host.name = name;
        host.ssh = item.text("ssh");
        if (host.ssh.front() == '-') item.fail("ssh", "'" + host.ssh + "' is not an ssh destination");
        host.ssh_config = item.optional_text("ssh-config");
        host.arch = item.text("arch");
        std::string role = item.choice("role", {"build-host", "board"});
        host.role = role == "board" ? HostSpec::Role::board : HostSpec::Role::build_host;
        if (host.role == HostSpec::Role::board)
            host.job = parse_job(item.child("job"));
        else if (item.has("job"))
            item.fail("job", "only a board has a job");
        config[name] = host;
    });
    if (at.has("lava")) at.child("lava");  // the LAVA farm, read by validate/lava_farm
    at.finish();
    return config;
}

void check_step_hosts(const HostConfig& config, const std::string& read_from) {
    for (const auto& [name, host] : config)
        for (const auto& step : host.job.steps)
            if (!config.count(step.host))
                throw util::Error("hosts." + name + ".job.steps." + step.name + ".host: no host named '" + step.host +
                            "' in " + read_from);
}

const HostSpec& find_board(const HostConfig& config, const std::string& name) {
    auto it = config.find(name);
    if (it != config.end() && it->second.role == HostSpec::Role::board) return it->second;
    std::string boards;
    for (const auto& [host, spec] : config)
        if (spec.role == HostSpec::Role::board) boards += (boards.empty() ? "" : ", ") + host;
    throw util::Error("no board named '" + name + "' in hosts.yaml (configured: " + (boards.empty() ? "none" : boards) +
                      ")");
}

HostConfig load_host_config(const std::filesystem::path& project_config, const std::filesystem::path& user_config) {
    HostConfig config = read_layers(project_config, user_config, "hosts.yaml", HostConfig{},
                                    config::entries_over<HostConfig>(parse_host_config));
    check_step_hosts(config, config::layers_of(project_config, user_config, "hosts.yaml"));
    return config;
}

}  // namespace seriesctl::hw
