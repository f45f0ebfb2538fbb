#include <gtest/gtest.h>

#include "series/cover_fields.h"
#include "util/error.h"

using namespace seriesctl;
using namespace seriesctl::series;

namespace {

std::string error_of(const std::string& text) {
    try {
        parse_cover_fields(text, "cover.yaml");
    } catch (const util::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(CoverFields, WhatIsWrittenReadsBack) {
    Cover cover{"media: a subject", "Body.\n\nMore.", {"A question?"}};
    Cover read = parse_cover_fields(cover_fields_yaml(cover), "cover.yaml");
    EXPECT_EQ(read.subject, cover.subject);
    EXPECT_EQ(read.body, cover.body);
    EXPECT_EQ(read.questions, cover.questions);
}

TEST(CoverFields, AnEditedSubjectWithALineBreakOrNulIsRefused) {
    EXPECT_EQ(error_of("subject: \"a\\nBcc: x@y.z\"\n"), "cover.yaml:1:10: subject: must be one line");
    EXPECT_EQ(error_of("subject: \"a\\0b\"\n"), "cover.yaml:1:10: subject: 'a\\x00b' contains a control character");
    EXPECT_EQ(error_of("subject: \"a\\tb\"\n"), "") << "a tab is no line break";
}
