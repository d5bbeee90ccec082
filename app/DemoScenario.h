#pragma once

#include <span>

namespace vantage {

// The data tables of the demo scenario (a wedding-marketplace platform). Strings are UTF-8.

struct DemoCity
{
    const char *name;
    const char *country; // ISO 3166-1 alpha-2
    double lat;
    double lon;
    int weight; // relative share of the traffic; the platform is mostly UK and European
};

struct DemoVendorType
{
    const char *name;           // the metadata "vendorType", e.g. "cake designer"
    const char *businessSuffix; // appended to a surname for a plausible business name
    double minBooking;          // typical booking value range, in the payment's currency
    double maxBooking;
};

struct DemoForm
{
    const char *title;
    int fields;
    const char *businessSuffix; // the kind of supplier that sends this form
};

std::span<const DemoCity> demoCities();
std::span<const DemoVendorType> demoVendorTypes();
std::span<const char *const> demoFirstNames();
std::span<const char *const> demoLastNames();
std::span<const char *const> demoSignupSources();
std::span<const DemoForm> demoForms();
std::span<const char *const> demoInvitationChannels();

} // namespace vantage
