// grammars/x3/temporal.hpp — declarations of the temporal grammar (dates, clock times, periods).
//
//   #include "x3/temporal.hpp"
//   numeric_date                  // "16/3/2022", "19.8.1945", "7-3": reusable by other families (docref);
//                                 // include "x3/temporal_date_def.hpp" in the TU that parses with it — the
//                                 // definition is context-free (no lexicon), so any family's context works.
//   temporal_forms::point_forms   // every point form, tried by the facade; the longest match wins
//
// Definitions: temporal_def.hpp; instantiation and the facade: temporal.cpp.
// Private to grammars/: never include from a public header.
#ifndef DOICHIEU_GRAMMARS_X3_TEMPORAL_HPP_
#define DOICHIEU_GRAMMARS_X3_TEMPORAL_HPP_

#include <boost/spirit/home/x3.hpp>

#include "x3/config.hpp"
#include "x3/temporal_ast.hpp"
#include "x3/temporal_lexicon.hpp"

namespace doichieu::grammars::temporal_x3 {

namespace x3 = boost::spirit::x3;
using temporal_ast_types::numeric_date_ast;
using temporal_ast_types::temporal_ast;
using temporal_ast_types::temporal_interval_ast;

using iterator_type = x3_config::iterator_type;
using context_type = x3_config::context_for<temporal_lexicon_tag, temporal_lexicon>;

// d/m[/y], d-m[-y], d.m[.y] with one separator throughout; day and month validated (31/4 fails).
using numeric_date_type = x3::rule<class numeric_date_class, numeric_date_ast>;
BOOST_SPIRIT_DECLARE(numeric_date_type)

// Point forms (attribute temporal_ast) and interval forms (attribute temporal_interval_ast).
using point_rule = x3::rule<class point_class, temporal_ast>;
#define DOICHIEU_TEMPORAL_POINT_FORM(name) using name##_type = x3::rule<class name##_class, temporal_ast>;
#define DOICHIEU_TEMPORAL_INTERVAL_FORM(name) \
  using name##_type = x3::rule<class name##_class, temporal_interval_ast>;
DOICHIEU_TEMPORAL_POINT_FORM(now_form)
DOICHIEU_TEMPORAL_POINT_FORM(span_form)
DOICHIEU_TEMPORAL_POINT_FORM(shift_form)
DOICHIEU_TEMPORAL_POINT_FORM(season_form)
DOICHIEU_TEMPORAL_POINT_FORM(standalone_form)
DOICHIEU_TEMPORAL_POINT_FORM(holiday_form)
DOICHIEU_TEMPORAL_POINT_FORM(first_of_form)
DOICHIEU_TEMPORAL_POINT_FORM(weekday_form)
DOICHIEU_TEMPORAL_POINT_FORM(part_form)
DOICHIEU_TEMPORAL_POINT_FORM(relative_clock_form)
DOICHIEU_TEMPORAL_POINT_FORM(clock_form)
DOICHIEU_TEMPORAL_POINT_FORM(relative_day_form)
DOICHIEU_TEMPORAL_POINT_FORM(day_date_form)
DOICHIEU_TEMPORAL_POINT_FORM(month_form)
DOICHIEU_TEMPORAL_POINT_FORM(quarter_form)
DOICHIEU_TEMPORAL_POINT_FORM(year_form)
DOICHIEU_TEMPORAL_POINT_FORM(bare_year_form)
DOICHIEU_TEMPORAL_INTERVAL_FORM(period_form)
DOICHIEU_TEMPORAL_INTERVAL_FORM(range_form)
DOICHIEU_TEMPORAL_INTERVAL_FORM(date_range_form)
DOICHIEU_TEMPORAL_INTERVAL_FORM(year_range_form)
#undef DOICHIEU_TEMPORAL_POINT_FORM
#undef DOICHIEU_TEMPORAL_INTERVAL_FORM

BOOST_SPIRIT_DECLARE(now_form_type, span_form_type, shift_form_type, season_form_type, standalone_form_type,
                     holiday_form_type, first_of_form_type, weekday_form_type, part_form_type,
                     relative_clock_form_type, clock_form_type, relative_day_form_type, day_date_form_type,
                     month_form_type, quarter_form_type, year_form_type, period_form_type, range_form_type,
                     date_range_form_type, year_range_form_type, bare_year_form_type)

// Which form matched: the facade applies form-specific guards (a bare "7/3" followed by a counted noun
// is a fraction, a bare "thứ hai" after "lần" is an ordinal).
enum class form_id {
  now, span, shift, season, standalone, holiday, first_of, weekday, part, relative_clock, clock, relative_day,
  day_date, month, quarter, year, period, range, date_range, year_range, bare_year
};

}  // namespace doichieu::grammars::temporal_x3

#endif  // DOICHIEU_GRAMMARS_X3_TEMPORAL_HPP_
