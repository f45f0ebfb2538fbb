#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "build/kconfig_fragment.h"

namespace seriesctl::build {

/// An expression of the Kconfig language (`depends on`, `if`, `visible
/// if`): symbols, the constants y/m/n, quoted strings, `$(macro)` calls,
/// `!`, `&&`, `||`, `=`, `!=`, `<`, `<=`, `>`, `>=` and parentheses.
struct KconfigExpr {
    enum class Kind { atom, negation, conjunction, disjunction, comparison };
    Kind kind = Kind::atom;
    std::string text;  ///< atom: the symbol name (no CONFIG_), constant, "string" or $(…); comparison: the operator
    std::vector<KconfigExpr> operands;
};

/// Parses an expression; an Error names what could not be read.
KconfigExpr parse_kconfig_expr(const std::string& text);

/// The expression's tristate value (0 = n, 1 = m, 2 = y) with the symbol
/// values of a .config (`CONFIG_X` → value; a missing symbol is n).
int kconfig_eval(const KconfigExpr& expr, const KconfigValues& config);

/// Symbols (without CONFIG_) that, set to y, make a false expression true:
/// every unmet operand of `&&`, the first alternative of `||` that can be
/// met, a symbol compared with y or m. Only symbols `settable` accepts are
/// named; a negation or an unmet comparison with n cannot be met by
/// setting symbols and gives nothing. Empty when the expression holds.
std::vector<std::string> kconfig_symbols_to_meet(const KconfigExpr& expr, const KconfigValues& config,
                                                 const std::function<bool(const std::string&)>& settable);

}  // namespace seriesctl::build
