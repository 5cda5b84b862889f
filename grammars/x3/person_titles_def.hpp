// grammars/x3/person_titles_def.hpp — organisations, places and titles as X3 expressions.
//
// Shared by the person grammar (a title's organisation: "Bí thư Tỉnh ủy Quảng Ninh") and the docref
// grammar (an issuer: "của Ban Bí thư Trung ương Đảng"). PEG semantics do the work of "the longest known
// organisation, then an optional place": every part is greedy and never gives back what it took.
#ifndef DOICHIEU_GRAMMARS_X3_PERSON_TITLES_DEF_HPP_
#define DOICHIEU_GRAMMARS_X3_PERSON_TITLES_DEF_HPP_

#include "x3/person_primitives.hpp"

namespace doichieu::grammars::names {

// A place name not in the table, accepted only after a prefix ("tỉnh Điện Biên"): capitalised words,
// stopping where a family name starts, since that is where the person's name begins.
inline const auto place_word = !table<table_id::surnames> >> cap_word;
inline const auto generic_place = place_word >> x3::repeat(0, 2)[hs >> place_word];

// "tỉnh Bắc Ninh", "Quảng Ninh", or a bare "tỉnh" as in "Chủ tịch HĐND tỉnh" — but never the start of
// the next organisation of a chain ("Ban Thường vụ Tỉnh ủy": "Tỉnh ủy" is an organisation, not a place).
inline const auto place = !table<table_id::organisations> >>
                          ((table<table_id::place_prefixes> >> -(hs >> (table<table_id::places> | generic_place))) |
                           table<table_id::places>);

// "Ban Thường vụ Tỉnh ủy Quảng Ninh": organisations may nest, each with its own place.
inline const auto org_unit = table<table_id::organisations> >> -(hs >> place);
inline const auto org_chain = org_unit % hs;

// A rank ("Đại tướng") or a position with its organisation ("Bộ trưởng Bộ Công an").
inline const auto title = table<table_id::ranks> | (table<table_id::positions> >> -(hs >> org_chain));

}  // namespace doichieu::grammars::names

#endif  // DOICHIEU_GRAMMARS_X3_PERSON_TITLES_DEF_HPP_
