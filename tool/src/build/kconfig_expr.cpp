#include "build/kconfig_expr.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "util/error.h"

namespace seriesctl::build {

namespace {

std::vector<std::string> tokens_of(const std::string& text) {
    std::vector<std::string> tokens;
    size_t i = 0;
    auto fail = [&] {
        throw util::Error("Kconfig expression '" + text + "': cannot read at column " + std::to_string(i + 1));
    };
    while (i < text.size()) {
        char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (text.compare(i, 2, "&&") == 0 || text.compare(i, 2, "||") == 0 || text.compare(i, 2, "!=") == 0 ||
                   text.compare(i, 2, "<=") == 0 || text.compare(i, 2, ">=") == 0) {
            tokens.push_back(text.substr(i, 2));
            i += 2;
        } else if (std::string("!=<>()").find(c) != std::string::npos) {
            tokens.push_back(std::string(1, c));
            ++i;
        } else if (c == '"' || c == '\'') {
            size_t end = text.find(c, i + 1);
            if (end == std::string::npos) fail();
            tokens.push_back(text.substr(i, end - i + 1));
            i = end + 1;
        } else if (text.compare(i, 2, "$(") == 0) {
            size_t end = i + 2;
            for (int depth = 1; depth > 0; ++end) {
                if (end >= text.size()) fail();
                depth += text[end] == '(' ? 1 : text[end] == ')' ? -1 : 0;
            }
            tokens.push_back(text.substr(i, end - i));
            i = end;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.') {
            size_t end = i;
            while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
                                         text[end] == '-' || text[end] == '.'))
                ++end;
            tokens.push_back(text.substr(i, end - i));
            i = end;
        } else {
            fail();
        }
    }
    return tokens;
}

class Parser {
public:
    Parser(std::vector<std::string> tokens, const std::string& text) : tokens_(std::move(tokens)), text_(text) {}

    KconfigExpr parse() {
        KconfigExpr expr = disjunction();
        if (at_ < tokens_.size()) fail("unexpected '" + tokens_[at_] + "'");
        return expr;
    }

private:
    std::vector<std::string> tokens_;
    const std::string& text_;
    size_t at_ = 0;

    [[noreturn]] void fail(const std::string& what) const {
        throw util::Error("Kconfig expression '" + text_ + "': " + what);
    }
    bool next_is(const std::string& token) const { return at_ < tokens_.size() && tokens_[at_] == token; }

    KconfigExpr joined(KconfigExpr::Kind kind, const std::string& op, KconfigExpr (Parser::*operand)()) {
        KconfigExpr first = (this->*operand)();
        if (!next_is(op)) return first;
        KconfigExpr all{kind, op, {first}};
        while (next_is(op)) {
            ++at_;
            all.operands.push_back((this->*operand)());
        }
        return all;
    }
    KconfigExpr disjunction() { return joined(KconfigExpr::Kind::disjunction, "||", &Parser::conjunction); }
    KconfigExpr conjunction() { return joined(KconfigExpr::Kind::conjunction, "&&", &Parser::unary); }

    KconfigExpr unary() {
        if (next_is("!")) {
            ++at_;
            return {KconfigExpr::Kind::negation, "!", {unary()}};
        }
        if (next_is("(")) {
            ++at_;
            KconfigExpr inner = disjunction();
            if (!next_is(")")) fail("missing ')'");
            ++at_;
            return inner;
        }
        KconfigExpr left = atom();
        for (const char* op : {"=", "!=", "<", "<=", ">", ">="})
            if (next_is(op)) {
                ++at_;
                return {KconfigExpr::Kind::comparison, op, {left, atom()}};
            }
        return left;
    }

    KconfigExpr atom() {
        if (at_ >= tokens_.size()) fail("ends too early");
        const std::string& token = tokens_[at_];
        if (token.size() == 1 && std::string("!=<>()").find(token) != std::string::npos) fail("unexpected '" + token + "'");
        if (token == "&&" || token == "||") fail("unexpected '" + token + "'");
        ++at_;
        return {KconfigExpr::Kind::atom, token, {}};
    }
};

bool is_constant(const std::string& atom) { return atom == "y" || atom == "m" || atom == "n"; }
bool is_symbol(const std::string& atom) {
    return !atom.empty() && !is_constant(atom) && atom[0] != '"' && atom[0] != '\'' && atom[0] != '$' &&
           (std::isalpha(static_cast<unsigned char>(atom[0])) || atom[0] == '_');
}

// An atom's value as text: a symbol's value from the .config (unquoted),
// a constant or a string as written.
std::string text_of(const std::string& atom, const KconfigValues& config) {
    if (atom.empty()) return atom;
    if (atom[0] == '"' || atom[0] == '\'') return atom.substr(1, atom.size() - 2);
    if (!is_symbol(atom)) return atom;
    auto found = config.find("CONFIG_" + atom);
    if (found == config.end()) return "n";
    const std::string& value = found->second;
    return value.size() >= 2 && value.front() == '"' ? value.substr(1, value.size() - 2) : value;
}

int tristate(const std::string& text) { return text == "y" ? 2 : text == "m" ? 1 : 0; }

bool compare(const std::string& op, const std::string& left, const std::string& right) {
    char* end_left = nullptr;
    char* end_right = nullptr;
    long long l = std::strtoll(left.c_str(), &end_left, 0), r = std::strtoll(right.c_str(), &end_right, 0);
    bool numeric = !left.empty() && !right.empty() && *end_left == '\0' && *end_right == '\0';
    int order = numeric ? (l < r ? -1 : l > r ? 1 : 0) : left.compare(right);
    if (op == "=") return order == 0;
    if (op == "!=") return order != 0;
    if (op == "<") return order < 0;
    if (op == "<=") return order <= 0;
    if (op == ">") return order > 0;
    return order >= 0;
}

}  // namespace

KconfigExpr parse_kconfig_expr(const std::string& text) {
    auto tokens = tokens_of(text);
    if (tokens.empty()) throw util::Error("Kconfig expression is empty");
    return Parser(std::move(tokens), text).parse();
}

int kconfig_eval(const KconfigExpr& expr, const KconfigValues& config) {
    switch (expr.kind) {
    case KconfigExpr::Kind::atom:
        // A $(macro) is evaluated by Kconfig from the toolchain; taken as met.
        return expr.text[0] == '$' ? 2 : tristate(text_of(expr.text, config));
    case KconfigExpr::Kind::negation:
        return 2 - kconfig_eval(expr.operands[0], config);
    case KconfigExpr::Kind::conjunction: {
        int value = 2;
        for (const auto& operand : expr.operands) value = std::min(value, kconfig_eval(operand, config));
        return value;
    }
    case KconfigExpr::Kind::disjunction: {
        int value = 0;
        for (const auto& operand : expr.operands) value = std::max(value, kconfig_eval(operand, config));
        return value;
    }
    case KconfigExpr::Kind::comparison:
        return compare(expr.text, text_of(expr.operands[0].text, config), text_of(expr.operands[1].text, config)) ? 2 : 0;
    }
    return 0;
}

std::vector<std::string> kconfig_symbols_to_meet(const KconfigExpr& expr, const KconfigValues& config,
                                                 const std::function<bool(const std::string&)>& settable) {
    if (kconfig_eval(expr, config) > 0) return {};
    switch (expr.kind) {
    case KconfigExpr::Kind::atom:
        if (is_symbol(expr.text) && settable(expr.text)) return {expr.text};
        return {};
    case KconfigExpr::Kind::conjunction: {
        std::vector<std::string> all;
        for (const auto& operand : expr.operands) {
            auto needed = kconfig_symbols_to_meet(operand, config, settable);
            if (needed.empty() && kconfig_eval(operand, config) == 0) return {};  // cannot be met
            all.insert(all.end(), needed.begin(), needed.end());
        }
        return all;
    }
    case KconfigExpr::Kind::disjunction:
        for (const auto& operand : expr.operands) {
            auto needed = kconfig_symbols_to_meet(operand, config, settable);
            if (!needed.empty()) return needed;
        }
        return {};
    case KconfigExpr::Kind::comparison: {
        const auto& left = expr.operands[0].text;
        const auto& right = expr.operands[1].text;
        bool wants_set = (expr.text == "=" && (right == "y" || right == "m")) || (expr.text == "!=" && right == "n");
        if (wants_set && is_symbol(left) && settable(left)) return {left};
        return {};
    }
    case KconfigExpr::Kind::negation:
        return {};
    }
    return {};
}

}  // namespace seriesctl::build
