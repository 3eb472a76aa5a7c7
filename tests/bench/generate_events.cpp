// A deterministic generator of event files shaped like ICEWS (the Dataverse TSV, 20 columns with
// a header) and GDELT 2.0 (61 columns, no header), for the import benchmark: the same --rows and
// --seed always give the same bytes. Codes follow the mix of a real ICEWS year (about a third of
// rows are consultations, visits, meetings, negotiations, calls and intents to meet); actors are
// drawn with a skewed popularity from states, named people, ministries and citizens' groups;
// places from a few thousand cities.
//
// usage: parley_generate_events icews|gdelt --rows N [--seed S] > FILE
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <algorithm>
#include <string>
#include <vector>

#include "generate_random.h"

namespace {

using parley::bench::Random;

// Skewed: index k with weight about 1/(k+1).
std::size_t skewed(Random& random, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(std::exp(random.unit() * std::log(static_cast<double>(n) + 1)) - 1));
}

struct Code {
  const char* code;
  const char* text;
  unsigned weight;  // per 1,000 rows
};
// The gathering codes at about their share in ICEWS 2018, the rest spread over common codes.
constexpr Code kCodes[] = {
    {"040", "Consult", 133},        {"042", "Make a visit", 40},          {"043", "Host a visit", 40},
    {"044", "Meet at a third location", 6}, {"046", "Engage in negotiation", 33}, {"036", "Express intent to meet or negotiate", 80},
    {"041", "Discuss by telephone", 5},     {"010", "Make statement", 142},     {"020", "Make an appeal or request", 46},
    {"051", "Praise or endorse", 38},       {"112", "Accuse", 34},              {"173", "Arrest, detain, or charge with legal action", 66},
    {"111", "Criticize or denounce", 28},   {"141", "Demonstrate or rally", 28}, {"190", "Use conventional military force", 18},
    {"193", "Fight with small arms and light weapons", 19}, {"030", "Express intent to cooperate", 26},
    {"057", "Sign formal agreement", 15},   {"0841", "Return, release person(s)", 4}, {"120", "Reject", 11},
    {"050", "Engage in diplomatic cooperation", 18}, {"032", "Express intent to provide diplomatic cooperation", 18},
    {"100", "Demand", 14},                  {"180", "Use unconventional violence", 18}, {"013", "Make optimistic comment", 7},
    {"090", "Investigate", 6},              {"130", "Threaten", 6},             {"160", "Reduce relations", 5},
    {"073", "Provide humanitarian aid", 4}, {"060", "Engage in material cooperation", 2}};

const char* kCountries[][2] = {
    {"United States", "USA"}, {"Russian Federation", "RUS"}, {"China", "CHN"},  {"Japan", "JPN"},
    {"India", "IND"},         {"Germany", "DEU"},            {"France", "FRA"}, {"United Kingdom", "GBR"},
    {"North Korea", "PRK"},   {"South Korea", "KOR"},        {"Ukraine", "UKR"}, {"Turkey", "TUR"},
    {"Iran", "IRN"},          {"Israel", "ISR"},             {"Brazil", "BRA"}, {"Nigeria", "NGA"},
    {"Pakistan", "PAK"},      {"Indonesia", "IDN"},          {"Mexico", "MEX"}, {"Egypt", "EGY"},
    {"Vietnam", "VNM"},       {"Philippines", "PHL"},        {"Kenya", "KEN"},  {"Canada", "CAN"},
    {"Australia", "AUS"},     {"Italy", "ITA"},              {"Spain", "ESP"},  {"Poland", "POL"},
    {"Syria", "SYR"},         {"Iraq", "IRQ"}};
constexpr std::size_t kCountryCount = sizeof(kCountries) / sizeof(kCountries[0]);
const char* kLabels[] = {"Government", "Foreign Affairs", "Police", "Military", "Citizen", "Head of Government", "Ministry"};
const char* kSyllables[] = {"ka", "lo", "mi", "ra", "to", "sen", "vel", "do", "ri", "an", "ya", "zu", "bo", "ne", "shi"};

std::string word(Random& random, std::size_t seed_index) {
  Random local(seed_index * 7919 + 17);
  std::string out;
  const std::size_t n = 2 + local.below(2);
  for (std::size_t i = 0; i < n; ++i) out += kSyllables[local.below(15)];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  (void)random;
  return out;
}

struct Actor {
  std::string name, sectors, country, code, type;
};

// Actor k of the pool: a state, a ministry or group of one, or a named person.
Actor actor(Random& random, std::size_t k) {
  const std::size_t c = k % kCountryCount;
  Actor a;
  a.country = kCountries[c][0];
  a.code = kCountries[c][1];
  if (k < kCountryCount) {
    a.name = a.country;
    a.sectors = "NA";
  } else if (k < kCountryCount * 8) {
    const char* label = kLabels[(k / kCountryCount) % 7];
    a.name = std::string(label) + " (" + a.country + ")";
    a.sectors = "Government";
    a.type = label == std::string("Citizen") ? "CVL" : "GOV";
    a.code += a.type;
  } else {
    a.name = word(random, k) + " " + word(random, k * 31 + 5);
    a.sectors = "Government,Executive";
    a.type = "GOV";
    a.code += "GOV";
  }
  return a;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || (std::strcmp(argv[1], "icews") != 0 && std::strcmp(argv[1], "gdelt") != 0) ||
      std::strcmp(argv[2], "--rows") != 0) {
    std::fprintf(stderr, "usage: parley_generate_events icews|gdelt --rows N [--seed S] > FILE\n");
    return 2;
  }
  const bool icews = std::strcmp(argv[1], "icews") == 0;
  const std::uint64_t rows = std::strtoull(argv[3], nullptr, 10);
  const std::uint64_t seed = argc >= 6 && std::strcmp(argv[4], "--seed") == 0 ? std::strtoull(argv[5], nullptr, 10) : 1;
  Random random(seed);
  unsigned total_weight = 0;
  for (const auto& c : kCodes) total_weight += c.weight;
  const std::size_t actor_pool = 20000;
  const std::size_t city_pool = 3000;
  std::string line;
  if (icews) {
    std::fputs("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
               "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
               "Province\tCountry\tLatitude\tLongitude\n",
               stdout);
  }
  for (std::uint64_t r = 0; r < rows; ++r) {
    unsigned pick = static_cast<unsigned>(random.below(total_weight));
    const Code* code = &kCodes[0];
    for (const auto& c : kCodes) {
      if (pick < c.weight) {
        code = &c;
        break;
      }
      pick -= c.weight;
    }
    const Actor source = actor(random, skewed(random, actor_pool));
    Actor target = actor(random, skewed(random, actor_pool));
    const std::size_t city = skewed(random, city_pool);
    const char* const* country = kCountries[city % kCountryCount];
    const std::string city_name = word(random, city + 100000) + "burg";
    const std::string province = word(random, city % 97 + 200000) + " Province";
    char coordinates[64];
    std::snprintf(coordinates, sizeof coordinates, "%.4f\t%.4f", -60.0 + static_cast<double>(city % 1200) / 10.0,
                  -170.0 + static_cast<double>((city * 37) % 3400) / 10.0);
    const std::uint64_t day = 17532 + r * 365 / std::max<std::uint64_t>(rows, 1);  // through 2018
    const std::time_t seconds = static_cast<std::time_t>(day * 86400);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char date[16];
    std::strftime(date, sizeof date, icews ? "%Y-%m-%d" : "%Y%m%d", &tm);
    line.clear();
    if (icews) {
      line += std::to_string(40000000 + r) + '\t' + date + '\t' + source.name + '\t' + source.sectors + '\t' +
              source.country + '\t' + code->text + '\t' + code->code + "\t1\t" + target.name + '\t' + target.sectors +
              '\t' + target.country + '\t' + std::to_string(50000000 + r / 3) + '\t' + std::to_string(1 + r % 5) +
              "\tGenerated News Agency\t" + city_name + "\tNA\t" + province + '\t' + country[0] + '\t' + coordinates;
    } else {
      const auto actor_columns = [&](const Actor& a) {
        return a.code + '\t' + upper(a.name.substr(0, a.name.find(" ("))) + '\t' + a.code.substr(0, 3) + "\t\t\t\t\t" +
               a.type + "\t\t";
      };
      const std::string geo = std::string("4\t") + city_name + ", " + province + ", " + country[0] + "\tXX\tXX00\t\t" +
                              coordinates + "\t" + std::to_string(city);
      line += std::to_string(800000000 + r) + '\t' + date + '\t' + std::string(date).substr(0, 6) + '\t' +
              std::string(date).substr(0, 4) + "\t2018.5\t" + actor_columns(source) + '\t' + actor_columns(target) +
              "\t1\t" + code->code + '\t' + std::string(code->code).substr(0, 3) + '\t' +
              std::string(code->code).substr(0, 2) + "\t1\t1.0\t4\t1\t4\t1.5\t" + geo + '\t' + geo + '\t' + geo + '\t' +
              date + "000000\thttp://news.example.org/" + std::to_string(r) + ".html";
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
