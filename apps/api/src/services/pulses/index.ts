export { answerPulse, myPulses, type PulseKey, pulseForm } from "./answer";
export { openDuePulses } from "./open";
export { planPulseView } from "./plan-view";
export { releaseDuePulses } from "./release";
export { schedulePulse } from "./schedule";
export { teamPulses } from "./team";
