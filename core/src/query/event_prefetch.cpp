#include "parley/query/event_prefetch.h"

#include <utility>

#include <boost/range/iterator_range.hpp>

namespace parley {
namespace {

// Every cache line of [begin, end): a record may straddle lines.
void lines(const void* begin, const void* end) {
  for (auto* at = static_cast<const char*>(begin); at < end; at += 64) __builtin_prefetch(at);
  if (begin < end) __builtin_prefetch(static_cast<const char*>(end) - 1);
}

template <typename T>
void record(const T& value) {
  lines(&value, &value + 1);
}

// The elements of a contiguous list (a std::vector, or a list of citations held in place).
template <typename List>
void array(const List& values) {
  if (values.size() != 0) lines(&*values.begin(), &*values.begin() + values.size());
}

// A string's bytes (for a short string, its own record: asking again costs nothing).
template <typename Text>
void text(const Text& value) {
  lines(value.data(), value.data() + value.size());
}

template <typename List>
void quotes(const List& citations) {
  for (const Citation& c : citations) text(c.quote);
}

}  // namespace

EventPrefetch::EventPrefetch(const Database& db, std::vector<EntityIndex> events)
    : db_(&db),
      events_(std::move(events)),
      participant_in_(db.schema().core_names().participant_in),
      held_in_(db.schema().core_names().held_in) {}

void EventPrefetch::before(std::size_t i) const {
  if (i == 0) warm(0, kBlock);
  if (i % kBlock == 0) warm(i + kBlock, i + 2 * kBlock);
  for (std::size_t step = 1; step <= kSteps && i + step < events_.size(); ++step) ask(events_[i + step], step);
}

void EventPrefetch::warm(std::size_t begin, std::size_t end) const {
  const Dataset& data = db_->dataset();
  const Graph& graph = db_->graph();
  // Loads, not hints: the edges' types are read so that the lists are really fetched. The sum
  // only keeps the compiler from dropping the loads.
  unsigned sum = 0;
  for (std::size_t i = begin; i < end && i < events_.size(); ++i) {
    record(data.entities[events_[i]]);
    for (const Edge e : boost::make_iterator_range(out_edges(events_[i], graph))) sum += graph[e].type;
  }
  sink_ = sum;
}

void EventPrefetch::ask(EntityIndex event, std::size_t step) const {
  const Dataset& data = db_->dataset();
  const Graph& graph = db_->graph();
  const Entity& entity = data.entities[event];
  // Each step reads only what an earlier step asked for, and asks for the next link.
  const auto edges = [&](auto&& visit) {
    for (const Edge e : boost::make_iterator_range(out_edges(event, graph))) {
      const RelationEdge& edge = graph[e];
      const bool participation = !edge.forward && participant_in_ && edge.type == *participant_in_;
      const bool venue = edge.forward && held_in_ && edge.type == *held_in_;
      if (participation || venue) visit(edge, data.relations[edge.relation], participation);
    }
  };
  switch (step) {
    case 5:
      record(entity);
      break;
    case 4:
      array(entity.attributes);
      array(entity.citations);
      text(entity.id);
      text(entity.name);
      for (const Edge e : boost::make_iterator_range(out_edges(event, graph))) __builtin_prefetch(&graph[e]);
      break;
    case 3:
      for (const Attribute& attribute : entity.attributes) array(attribute.citations);
      quotes(entity.citations);
      edges([&](const RelationEdge&, const Relation& relation, bool) { record(relation); });
      break;
    case 2:
      for (const Attribute& attribute : entity.attributes) quotes(attribute.citations);
      edges([&](const RelationEdge&, const Relation& relation, bool participation) {
        array(relation.properties);
        array(relation.citations);
        record(data.entities[participation ? relation.from : relation.to]);
      });
      break;
    default:
      edges([&](const RelationEdge&, const Relation& relation, bool participation) {
        quotes(relation.citations);
        const Entity& other = data.entities[participation ? relation.from : relation.to];
        text(other.id);
        text(other.name);
      });
      break;
  }
}

}  // namespace parley
