// Names of the routing model's enums.
#include "model/routing.hpp"

namespace rbc::model {

const char* channel_kind_text(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::pagerduty:
      return "pagerduty";
    case ChannelKind::slack:
      return "slack";
    case ChannelKind::email:
      return "email";
    case ChannelKind::webhook:
      return "webhook";
    case ChannelKind::opsgenie:
      return "opsgenie";
    case ChannelKind::other:
      break;
  }
  return "other";
}

}  // namespace rbc::model
