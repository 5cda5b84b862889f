// Installed-package consumer, C++ API: engine::load / check / findings through libdoichieu.so.0.
#include <iostream>

#include <doichieu/engine.hpp>

int main() {
  auto eng = doichieu::engine::load({.data_dir = DOICHIEU_DATA, .disabled_rules = {}});
  if (!eng) {
    std::cerr << eng.error().describe() << '\n';
    return 2;
  }
  auto rep = (*eng)->check({{"b", "Dự án có tổng vốn 200 tỉ đồng, trong đó vốn tỉnh 120 tỉ đồng, vốn doanh nghiệp 50 tỉ đồng.",
                             std::nullopt}});
  if (!rep) {
    std::cerr << rep.error().describe() << '\n';
    return 2;
  }
  for (const auto& f : rep->findings) {
    std::cout << f.rule << '\n';
    if (f.rule == "TOTAL_EQUALS_PARTS") return 0;
  }
  std::cerr << "TOTAL_EQUALS_PARTS not found\n";
  return 1;
}
