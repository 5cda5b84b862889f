// grammars/x3/docref.hpp — declarations of the document-reference grammar (definitions in
// docref_def.hpp, instantiation and the parse_docref facade in docref.cpp).
//
// Two shapes:
//   numbered:  doctype [số] number [ngày d/m/yyyy | ngày d tháng m năm yyyy] [của issuer]
//              "Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị", "Đề án 06 của Chính phủ"
//   congress:  doctype congress [organisation] [lần thứ] numeral [[của] issuer]
//              "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XV Đảng bộ tỉnh"
// A congress resolution becomes doctype "Nghị quyết Đại hội" with the numeral as number ("XIII"), so it
// never compares equal to "Nghị quyết số 13"; its issuer is the organisation when one is written.
#ifndef DOICHIEU_GRAMMARS_X3_DOCREF_HPP_
#define DOICHIEU_GRAMMARS_X3_DOCREF_HPP_

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

#include "x3/person_primitives.hpp"

namespace doichieu::grammars::names {

struct dmy {
  int day = 0, month = 0, year = 0;
};

struct numbered_docref_ast {
  piece doctype;
  bool marked = false;  // "số" written before the number
  piece number;
  boost::optional<dmy> date;
  boost::optional<piece> issuer;
};

struct congress_docref_ast {
  piece doctype;
  piece congress;
  boost::optional<piece> issuer_before;  // "Đại hội Đảng bộ tỉnh lần thứ XV"
  boost::optional<piece> numeral;
  boost::optional<piece> issuer_after;   // "Đại hội XIII của Đảng", "Đại hội XV Đảng bộ tỉnh"
};

using numbered_docref_type = x3::rule<class numbered_docref_class, numbered_docref_ast>;
using congress_docref_type = x3::rule<class congress_docref_class, congress_docref_ast>;
BOOST_SPIRIT_DECLARE(numbered_docref_type, congress_docref_type)

const numbered_docref_type& numbered_docref_rule();
const congress_docref_type& congress_docref_rule();

}  // namespace doichieu::grammars::names

BOOST_FUSION_ADAPT_STRUCT(doichieu::grammars::names::dmy, day, month, year)
BOOST_FUSION_ADAPT_STRUCT(doichieu::grammars::names::numbered_docref_ast, doctype, marked, number, date, issuer)
BOOST_FUSION_ADAPT_STRUCT(doichieu::grammars::names::congress_docref_ast, doctype, congress, issuer_before, numeral,
                          issuer_after)

#endif  // DOICHIEU_GRAMMARS_X3_DOCREF_HPP_
