// grammars/x3/person.hpp — declarations of the person grammar (definitions in person_def.hpp,
// instantiation and the parse_person facade in person.cpp).
#ifndef DOICHIEU_GRAMMARS_X3_PERSON_HPP_
#define DOICHIEU_GRAMMARS_X3_PERSON_HPP_

#include <vector>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>

#include "x3/person_primitives.hpp"

namespace doichieu::grammars::names {

// One person as found: titles before the name, the name, titles after it (each a stretch of doc.folded).
struct person_ast {
  std::vector<piece> pre;
  piece name;
  std::vector<piece> post;
};

// The three orders, tried separately by the facade (longest wins):
//   titled:     [honorific] title+ name [, title]* | [- title, title ...]   "Đại tướng Tô Lâm, Ủy viên Bộ Chính trị"
//   honorific:  honorific name [, title]* | [- title ...]                    "bà Nguyễn Hương Giang - Chủ tịch UBND ..."
//   name_first: Surname Middle Given (, title)+ | - title ...                 "Nguyễn Xuân Ký, Ủy viên Trung ương Đảng"
using titled_person_type = x3::rule<class titled_person_class, person_ast>;
using honorific_person_type = x3::rule<class honorific_person_class, person_ast>;
using name_first_person_type = x3::rule<class name_first_person_class, person_ast>;
BOOST_SPIRIT_DECLARE(titled_person_type, honorific_person_type, name_first_person_type)

const titled_person_type& titled_person_rule();
const honorific_person_type& honorific_person_rule();
const name_first_person_type& name_first_person_rule();

}  // namespace doichieu::grammars::names

BOOST_FUSION_ADAPT_STRUCT(doichieu::grammars::names::person_ast, pre, name, post)

#endif  // DOICHIEU_GRAMMARS_X3_PERSON_HPP_
