#include "build/kconfig_menu.h"

#include <sstream>

#include "util/error.h"
#include "util/text.h"

namespace seriesctl::build {

namespace {

// A menu, choice or `if` block: what every entry inside it depends on.
struct Block {
    std::string keyword;  ///< "menu", "choice" or "if"
    std::vector<std::string> conditions;
};

class Reader {
public:
    Reader(const std::function<std::optional<std::string>(const std::string&)>& read, std::string srcarch)
        : read_(read), srcarch_(std::move(srcarch)) {}

    void file(const std::string& path) {
        auto text = read_(path);
        if (!text) throw util::Error("Kconfig: " + path + " is sourced but does not exist");
        auto lines = logical_lines(*text);
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string line = lines[i];
            std::string word = first_word(line);
            std::string rest = after_word(line);
            if (word == "help" || word == "---help---") {
                i = end_of_help(lines, i);
                continue;
            }
            statement(path, word, rest);
        }
    }

    KconfigMenu menu;

private:
    const std::function<std::optional<std::string>(const std::string&)>& read_;
    std::string srcarch_;
    std::vector<Block> blocks_;
    KconfigSymbol* entry_ = nullptr;  ///< the config being read, if any
    Block* block_ = nullptr;          ///< the menu or choice whose attributes are being read, if any

    static int indent(const std::string& line) {
        int width = 0;
        for (char c : line) {
            if (c == ' ') ++width;
            else if (c == '\t') width = (width / 8 + 1) * 8;
            else break;
        }
        return width;
    }
    static bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

    // Help text runs while lines are blank or indented at least as far as
    // its first line; a line at column 0 always ends it (as Kconfig's lexer).
    static size_t end_of_help(const std::vector<std::string>& lines, size_t at) {
        size_t i = at + 1;
        while (i < lines.size() && blank(lines[i])) ++i;
        if (i >= lines.size()) return i;
        int help_indent = indent(lines[i]);
        if (help_indent == 0) return i - 1;  // an empty help text
        while (i + 1 < lines.size() &&
               (blank(lines[i + 1]) || (indent(lines[i + 1]) > 0 && indent(lines[i + 1]) >= help_indent)))
            ++i;
        return i;
    }

    // Lines with `\` continuations joined and comments cut (a `#` outside quotes).
    static std::vector<std::string> logical_lines(const std::string& text) {
        std::vector<std::string> lines;
        std::istringstream in(text);
        std::string pending;
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line.back() == '\\') {
                pending += line.substr(0, line.size() - 1);
                continue;
            }
            lines.push_back(pending + line);
            pending.clear();
        }
        if (!pending.empty()) lines.push_back(pending);
        return lines;
    }
    static std::string uncommented(const std::string& text) {
        char quote = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            if (quote) {
                if (text[i] == quote) quote = 0;
            } else if (text[i] == '"' || text[i] == '\'') {
                quote = text[i];
            } else if (text[i] == '#') {
                return text.substr(0, i);
            }
        }
        return text;
    }
    static std::string first_word(const std::string& line) {
        std::string text = util::trimmed(line);
        return text.substr(0, text.find_first_of(" \t"));
    }
    static std::string after_word(const std::string& line) {
        std::string text = util::trimmed(uncommented(line));
        size_t space = text.find_first_of(" \t");
        return space == std::string::npos ? "" : util::trimmed(text.substr(space));
    }
    // The `if EXPR` after a quoted prompt (or a default value), if any.
    static std::string condition_after(const std::string& rest) {
        size_t start = 0;
        if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) start = rest.find(rest[0], 1);
        if (start == std::string::npos) return "";
        size_t at = rest.find(" if ", start);
        return at == std::string::npos ? "" : util::trimmed(rest.substr(at + 4));
    }

    std::vector<std::string> inherited() const {
        std::vector<std::string> all;
        for (const auto& block : blocks_) all.insert(all.end(), block.conditions.begin(), block.conditions.end());
        return all;
    }

    void add_condition(const std::string& expression) {
        if (expression.empty()) return;
        if (entry_) entry_->conditions.push_back(expression);
        else if (block_) block_->conditions.push_back(expression);
    }

    void push(const std::string& keyword, const std::vector<std::string>& conditions) {
        blocks_.push_back({keyword, conditions});
        entry_ = nullptr;
        block_ = &blocks_.back();
    }
    void pop(const std::string& path, const std::string& keyword) {
        if (blocks_.empty() || blocks_.back().keyword != keyword)
            throw util::Error("Kconfig: " + path + ": end" + keyword + " without " + keyword);
        blocks_.pop_back();
        entry_ = nullptr;
        block_ = nullptr;
    }

    void statement(const std::string& path, const std::string& word, const std::string& rest) {
        if (word == "config" || word == "menuconfig") {
            auto& definitions = menu[rest];
            definitions.push_back({"", false, inherited()});
            entry_ = &definitions.back();
            block_ = nullptr;
        } else if (word == "menu" || word == "choice") {
            push(word, {});
        } else if (word == "if") {
            push("if", {rest});
            block_ = nullptr;
        } else if (word == "endmenu" || word == "endchoice" || word == "endif") {
            pop(path, word.substr(3));
        } else if (word == "source") {
            std::string target = rest.size() >= 2 ? rest.substr(1, rest.size() - 2) : rest;
            for (size_t at; (at = target.find("$(SRCARCH)")) != std::string::npos;)
                target.replace(at, std::string("$(SRCARCH)").size(), srcarch_);
            entry_ = nullptr;
            block_ = nullptr;
            if (target.find("$(") == std::string::npos) file(target);  // $(HEADER_ARCH): user-mode Linux only
        } else if (word == "comment" || word == "mainmenu") {
            entry_ = nullptr;
            block_ = nullptr;
        } else if (word == "depends") {
            add_condition(util::trimmed(rest.substr(rest.rfind("on", 0) == 0 ? 2 : 0)));
        } else if (word == "visible") {
            add_condition(util::trimmed(rest.substr(rest.rfind("if", 0) == 0 ? 2 : 0)));
        } else if (word == "bool" || word == "tristate" || word == "string" || word == "int" || word == "hex") {
            if (!entry_) return;
            entry_->type = word;
            if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
                entry_->prompt = true;
                add_condition(condition_after(rest));
            }
        } else if (word == "prompt") {
            if (!entry_) return;
            entry_->prompt = true;
            add_condition(condition_after(rest));
        } else if (word == "def_bool" || word == "def_tristate") {
            if (entry_) entry_->type = word.substr(4);
        }
    }
};

}  // namespace

KconfigMenu read_kconfig_menu(const std::function<std::optional<std::string>(const std::string&)>& read,
                              const std::string& srcarch) {
    Reader reader(read, srcarch);
    reader.file("Kconfig");
    return std::move(reader.menu);
}

}  // namespace seriesctl::build
