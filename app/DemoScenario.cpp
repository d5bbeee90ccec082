#include "app/DemoScenario.h"

#include <array>

namespace vantage {

namespace {

constexpr std::array kCities = {
    DemoCity{"London", "GB", 51.5074, -0.1278, 18},
    DemoCity{"Manchester", "GB", 53.4808, -2.2426, 7},
    DemoCity{"Birmingham", "GB", 52.4862, -1.8904, 5},
    DemoCity{"Edinburgh", "GB", 55.9533, -3.1883, 4},
    DemoCity{"Bristol", "GB", 51.4545, -2.5879, 3},
    DemoCity{"Dublin", "IE", 53.3498, -6.2603, 5},
    DemoCity{"Paris", "FR", 48.8566, 2.3522, 6},
    DemoCity{"Lisbon", "PT", 38.7223, -9.1393, 3},
    DemoCity{"Barcelona", "ES", 41.3874, 2.1686, 4},
    DemoCity{"Rome", "IT", 41.9028, 12.4964, 4},
    DemoCity{"Berlin", "DE", 52.5200, 13.4050, 4},
    DemoCity{"Amsterdam", "NL", 52.3676, 4.9041, 4},
    DemoCity{"New York", "US", 40.7128, -74.0060, 4},
    DemoCity{"Toronto", "CA", 43.6532, -79.3832, 2},
    DemoCity{"Austin", "US", 30.2672, -97.7431, 2},
    DemoCity{"Mexico City", "MX", 19.4326, -99.1332, 1},
    DemoCity{"São Paulo", "BR", -23.5505, -46.6333, 1},
    DemoCity{"Buenos Aires", "AR", -34.6037, -58.3816, 1},
    DemoCity{"Cape Town", "ZA", -33.9249, 18.4241, 2},
    DemoCity{"Lagos", "NG", 6.5244, 3.3792, 1},
    DemoCity{"Nairobi", "KE", -1.2921, 36.8219, 1},
    DemoCity{"Dubai", "AE", 25.2048, 55.2708, 2},
    DemoCity{"Mumbai", "IN", 19.0760, 72.8777, 2},
    DemoCity{"Singapore", "SG", 1.3521, 103.8198, 1},
    DemoCity{"Tokyo", "JP", 35.6762, 139.6503, 1},
    DemoCity{"Sydney", "AU", -33.8688, 151.2093, 2},
    DemoCity{"Auckland", "NZ", -36.8485, 174.7633, 1},
};

constexpr std::array kVendorTypes = {
    DemoVendorType{"photographer", "Photography", 300.0, 3200.0},
    DemoVendorType{"videographer", "Films", 400.0, 3000.0},
    DemoVendorType{"florist", "Flowers", 120.0, 1800.0},
    DemoVendorType{"venue", "Estate", 800.0, 4000.0},
    DemoVendorType{"caterer", "Kitchen", 500.0, 4000.0},
    DemoVendorType{"band", "Band", 350.0, 2500.0},
    DemoVendorType{"DJ", "Sounds", 200.0, 1200.0},
    DemoVendorType{"planner", "Weddings & Events", 500.0, 3500.0},
    DemoVendorType{"cake designer", "Cakes", 90.0, 900.0},
    DemoVendorType{"hair and makeup artist", "Beauty", 120.0, 950.0},
    DemoVendorType{"stationer", "Stationery", 60.0, 700.0},
    DemoVendorType{"bridal boutique", "Bridal", 300.0, 3800.0},
};

constexpr std::array kFirstNames = {
    "Amelia", "Oliver",  "Priya",   "Mohammed", "Chloé",    "Liam",  "Aoife",   "Mateo", "Zoë",    "Kwame",
    "Sofia",  "Hiroshi", "Fatima",  "Lukas",    "Isabella", "Chen",  "Ngozi",   "Tomás", "Hannah", "Arjun",
    "Emma",   "Diego",   "Siobhán", "Yusuf",    "Grace",    "Kenji", "Amara",   "Luca",  "Olivia", "Rafael",
    "Leila",  "Jack",    "Ingrid",  "Thandiwe", "Noah",     "Mei",   "Gabriel", "Aisha", "Finn",   "Camila",
};

constexpr std::array kLastNames = {
    "Clarke",    "Okafor",    "Patel", "Nguyen",  "García",   "Murphy",   "Rossi",   "Müller",
    "Silva",     "Kowalski",  "Smith", "Haddad",  "Tanaka",   "Dubois",   "O'Brien", "Mensah",
    "Johansson", "Fernandes", "Kim",   "Ahmed",   "Jones",    "Martínez", "Walsh",   "Van der Berg",
    "Singh",     "Moreau",    "Costa", "Hughes",  "Nakamura", "Adeyemi",  "Taylor",  "López",
    "Schmidt",   "Byrne",     "Chen",  "Kariuki", "Evans",    "Romano",   "Santos",  "Williams",
};

constexpr std::array kSignupSources = {
    "google", "instagram", "pinterest", "referral", "facebook", "tiktok", "direct", "wedding fair",
};

constexpr std::array kForms = {
    DemoForm{"Wedding day timeline", 14, "Weddings & Events"},
    DemoForm{"Guest dietary requirements", 8, "Kitchen"},
    DemoForm{"Venue enquiry", 11, "Estate"},
    DemoForm{"Photography brief", 16, "Photography"},
    DemoForm{"Menu tasting RSVP", 6, "Kitchen"},
    DemoForm{"Floral preferences", 9, "Flowers"},
    DemoForm{"Music requests", 7, "Band"},
    DemoForm{"Cake tasting booking", 5, "Cakes"},
};

constexpr std::array kInvitationChannels = {"email", "sms", "whatsapp", "post"};

} // namespace

std::span<const DemoCity> demoCities()
{
    return kCities;
}
std::span<const DemoVendorType> demoVendorTypes()
{
    return kVendorTypes;
}
std::span<const char *const> demoFirstNames()
{
    return kFirstNames;
}
std::span<const char *const> demoLastNames()
{
    return kLastNames;
}
std::span<const char *const> demoSignupSources()
{
    return kSignupSources;
}
std::span<const DemoForm> demoForms()
{
    return kForms;
}
std::span<const char *const> demoInvitationChannels()
{
    return kInvitationChannels;
}

} // namespace vantage
