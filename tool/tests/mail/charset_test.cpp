#include <gtest/gtest.h>

#include "mail/charset.h"

using namespace seriesctl;
using namespace seriesctl::mail;

TEST(Charset, ConvertsKnownCharsetsToUtf8) {
    EXPECT_EQ(*charset_to_utf8("J\xF6rg", "ISO-8859-1"), "Jörg");
    EXPECT_EQ(*charset_to_utf8("\x80", "windows-1252"), "€") << "not Latin-1: 0x80 is the euro sign";
    EXPECT_EQ(*charset_to_utf8("\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r"), "Привет");
    EXPECT_EQ(*charset_to_utf8("Püschel", "UTF-8"), "Püschel");
}

TEST(Charset, BadBytesBecomeReplacementCharacters) {
    EXPECT_EQ(*charset_to_utf8("a\xFF" "b", "utf-8"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(*charset_to_utf8("a\xC3", "us-ascii"), "a\xEF\xBF\xBD") << "a cut-off sequence";
}

TEST(Charset, UnknownCharsetGivesNothing) { EXPECT_FALSE(charset_to_utf8("x", "x-no-such-charset")); }
