#ifndef CNKG_GRAPH_PROPERTIES_H_
#define CNKG_GRAPH_PROPERTIES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cnkg {

// A typed property value. Lists are lists of strings (aliases, documents).
using PropertyValue =
    std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;

// The named property values of a node or relationship: each name once, iterated in name order,
// like a std::map<std::string, PropertyValue> (whose interface it keeps), but stored as one
// sorted array. Most graph elements have no properties or a few, and a tree spends a heap node
// of 100 bytes or more on each.
class Properties {
 public:
  using value_type = std::pair<std::string, PropertyValue>;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  Properties() = default;
  Properties(std::initializer_list<value_type> items) {
    for (const value_type& item : items) insert(item);
  }

  // The value of `name`, added as an empty string when missing.
  PropertyValue& operator[](std::string_view name) {
    auto it = LowerBound(name);
    if (it == items_.end() || it->first != name)
      it = items_.emplace(it, std::string(name), PropertyValue());
    return it->second;
  }
  // The value of `name`. Throws std::out_of_range when missing, as std::map::at does.
  PropertyValue& at(std::string_view name) {
    auto it = find(name);
    if (it == end()) throw std::out_of_range("no property " + std::string(name));
    return it->second;
  }
  const PropertyValue& at(std::string_view name) const {
    return const_cast<Properties*>(this)->at(name);
  }
  iterator find(std::string_view name) {
    auto it = LowerBound(name);
    return it != items_.end() && it->first == name ? it : items_.end();
  }
  const_iterator find(std::string_view name) const {
    return const_cast<Properties*>(this)->find(name);
  }
  std::size_t count(std::string_view name) const { return find(name) != end() ? 1 : 0; }
  bool contains(std::string_view name) const { return count(name) != 0; }

  // Adds `name` with `value` unless `name` is there; returns where it is and whether it was
  // added.
  template <typename V>
  std::pair<iterator, bool> emplace(std::string_view name, V&& value) {
    auto it = LowerBound(name);
    if (it != items_.end() && it->first == name) return {it, false};
    return {items_.emplace(it, std::string(name), PropertyValue(std::forward<V>(value))), true};
  }
  std::pair<iterator, bool> insert(value_type item) {
    auto it = LowerBound(item.first);
    if (it != items_.end() && it->first == item.first) return {it, false};
    return {items_.insert(it, std::move(item)), true};
  }
  // Removes `name`; returns how many were removed (0 or 1).
  std::size_t erase(std::string_view name) {
    auto it = find(name);
    if (it == end()) return 0;
    items_.erase(it);
    return 1;
  }

  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }

  friend bool operator==(const Properties&, const Properties&) = default;

 private:
  iterator LowerBound(std::string_view name) {
    // Names are added in sorted order more often than not: check the end first.
    if (items_.empty() || items_.back().first < name) return items_.end();
    return std::lower_bound(
        items_.begin(), items_.end(), name,
        [](const value_type& item, std::string_view n) { return item.first < n; });
  }

  std::vector<value_type> items_;
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_PROPERTIES_H_
