#include <gtest/gtest.h>

#include "mail/mail_body.h"

using namespace seriesctl;
using namespace seriesctl::mail;

namespace {

std::string text_of(const std::string& mail) {
    std::string why;
    auto headers = parse_headers(mail, &why);
    EXPECT_TRUE(headers) << why;
    auto text = body_text(*headers, std::string_view(mail).substr(body_start(mail)), &why);
    EXPECT_TRUE(text) << why;
    return text.value_or("");
}

std::string why_not(const std::string& mail) {
    std::string why;
    auto headers = parse_headers(mail, &why);
    auto text = body_text(*headers, std::string_view(mail).substr(body_start(mail)), &why);
    EXPECT_FALSE(text);
    return why;
}

}  // namespace

TEST(MailBody, DecodesQuotedPrintable) {
    EXPECT_EQ(decode_quoted_printable("caf=C3=A9 au lait=\nsoft break=20\r\nx=3D1"), "café au laitsoft break \r\nx=1");
    EXPECT_EQ(decode_quoted_printable("a = b =\r\nc"), "a = b c") << "a stray '=' stays";
}

TEST(MailBody, ReadsHeaderParameters) {
    EXPECT_EQ(header_parameter("text/plain; charset=\"ISO-8859-1\"; format=flowed", "charset"), "ISO-8859-1");
    EXPECT_EQ(header_parameter("multipart/mixed; boundary=abc;x=y", "BOUNDARY"), "abc");
    EXPECT_EQ(header_parameter("text/plain", "charset"), "");
}

TEST(MailBody, PlainBodyIsTakenAsWritten) {
    EXPECT_EQ(text_of("Subject: x\n\nhello\n"), "hello\n");
}

TEST(MailBody, DecodesTransferEncodingAndCharset) {
    EXPECT_EQ(text_of("Content-Type: text/plain; charset=iso-8859-1\n"
                      "Content-Transfer-Encoding: quoted-printable\n\nJ=F6rg\n"),
              "Jörg\n");
    EXPECT_EQ(text_of("Content-Type: text/plain; charset=utf-8\n"
                      "Content-Transfer-Encoding: base64\n\nUmV2aWV3ZWQtYnk6IFPDtnJlbg==\n"),
              "Reviewed-by: Sören");
}

TEST(MailBody, TakesTheFirstTextPartOfAMultipart) {
    std::string mail =
        "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
        "preamble\n"
        "--outer\n"
        "Content-Type: multipart/alternative; boundary=inner\n\n"
        "--inner\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "Looks good=21\n"
        "--inner\n"
        "Content-Type: text/html\n\n<p>Looks good!</p>\n"
        "--inner--\n"
        "--outer\n"
        "Content-Type: application/octet-stream\n\nBINARY\n"
        "--outer--\n";
    EXPECT_EQ(text_of(mail), "Looks good!\n");
}

TEST(MailBody, MalformedBodiesSayWhy) {
    EXPECT_EQ(why_not("Content-Transfer-Encoding: base64\n\n!!! not base64 !!!\n"), "a base64 body that is not base64");
    EXPECT_EQ(why_not("Content-Type: multipart/mixed\n\nx\n"), "a multipart body without a boundary");
    EXPECT_EQ(why_not("Content-Type: multipart/mixed; boundary=b\n\nno parts\n"),
              "a multipart body whose boundary \"b\" never appears");
}
