// grammars/x3/person_def.hpp — definition of the person grammar (included by person.cpp only).
#ifndef DOICHIEU_GRAMMARS_X3_PERSON_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_PERSON_DEF_HPP_

#include "x3/person.hpp"
#include "x3/person_titles_def.hpp"

namespace doichieu::grammars::names {

// A syllable of a personal name: capitalised, and not the start of a title or an organisation, so that
// "Thượng tướng Nguyễn Duy Ngọc Thứ trưởng ..." stops the name before "Thứ trưởng".
inline const auto name_word = !table<table_id::name_stop_words> >> !table<table_id::organisations> >>
                              !table<table_id::positions> >> !table<table_id::ranks> >> cap_word;
// 1-4 syllables: "Ngọc" (short reference after a title or honorific) up to "Nguyễn Thị Minh Khai".
inline const auto any_name = name_word >> x3::repeat(0, 3)[hs >> name_word];
// A full name with no title before it must start with a family name and have 2-4 syllables, and must
// not be a place ("Hà Nội, Chủ tịch ..." is where, not who).
inline const auto full_name = !table<table_id::places> >> &table<table_id::surnames> >> name_word >>
                              x3::repeat(1, 3)[hs >> name_word];

// A title after the name belongs to it unless a name follows the title: in a list such as
// "..., Bí thư Tỉnh ủy Nguyễn Anh Tuấn" the title opens the next person.
inline const auto title_after = as_piece[title] >> !(hs >> name_word);
inline const auto comma_title = x3::lit(',') >> ows >> title_after;
inline const auto dash_titles = dash >> (title_after % (x3::lit(',') >> ows));
inline const auto titles_after = dash_titles | *comma_title;
inline const auto titles_after_required = dash_titles | +comma_title;
inline const auto honorific = table<table_id::honorifics>;

const titled_person_type titled_person = "titled_person";
const honorific_person_type honorific_person = "honorific_person";
const name_first_person_type name_first_person = "name_first_person";

const auto titled_person_def = -(honorific >> hs) >> +(as_piece[title] >> hs) >> as_piece[any_name] >> titles_after;
const auto honorific_person_def =
    honorific >> hs >> x3::attr(std::vector<piece>{}) >> as_piece[any_name] >> titles_after;
const auto name_first_person_def = x3::attr(std::vector<piece>{}) >> as_piece[full_name] >> titles_after_required;

BOOST_SPIRIT_DEFINE(titled_person, honorific_person, name_first_person)

}  // namespace doichieu::grammars::names

#endif  // DOICHIEU_GRAMMARS_X3_PERSON_DEF_HPP_
