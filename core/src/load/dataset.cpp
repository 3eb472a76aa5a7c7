#include "parley/load/dataset.h"

namespace parley {

std::string_view Relation::property(PropertyId id) const {
  for (const auto& p : properties) {
    if (p.property == id) return p.value;
  }
  return {};
}

std::optional<EntityIndex> Dataset::find_entity(std::string_view id) const {
  return entity_by_id.find(id);
}

std::vector<const Attribute*> Dataset::attribute_values(EntityIndex entity, std::string_view name) const {
  std::vector<const Attribute*> out;
  for (const auto& attribute : entities[entity].attributes) {
    if (attribute.name == name) out.push_back(&attribute);
  }
  return out;
}

}  // namespace parley
