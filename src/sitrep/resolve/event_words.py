"""The words event typing reads: ACLED's category names and the patterns for who acts, who is hit,
with what, and how a report tells it (regex alternations matched as whole words, any case).

Kept apart from the rules in :mod:`sitrep.resolve.event_typing` so that the rules read as rules.
"""

from __future__ import annotations

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


# Force used on a protest without lethal intent (verb forms: "against the arrest of X" is a demand).
INTERVENTION = (
    r"dispersed?|dispersing|tear ?gas|rubber bullets?|water cannons?|batons?|baton[- ]charged?|lathi[- ]?charged?|"
    r"arrested|detained|broke up|broken up|break up|cracked down|crackdown on|pepper[- ]spray(?:ed)?|stun grenades?|"
    r"suppress(?:ed|ing|es)?|quell(?:ed|ing)?|chas(?:e|es|ed|ing) (?:\w+ ){0,2}(?:protest[eo]rs|demonstrators|crowds?|marchers)|"
    r"tear[- ]?gassed|teargas|rounded up|"
    r"intervened|used force|by force|forcibly|evicted|removed the|pushed back|clashed with (?:the )?(?:police|security)|"
    r"beat(?:en)? (?:up )?(?:the )?(?:protest[eo]rs|demonstrators)|charged at"
)
LETHAL_FORCE = (
    r"live ammunition|live fire|live rounds|live bullets|open(?:ed|ing|s)? fire on (?:the )?(?:\w+ )?(?:protest[eo]rs|demonstrators|crowd)|"
    r"shot dead|(?:fir(?:ed|ing)|shoot(?:ing)?|shot) (?:at|on) (?:the )?(?:\w+ )?(?:protest[eo]rs|demonstrators|crowd)(?:['’]s?)?"
    r"(?! with (?:rubber|plastic|tear|water|pellet|blank))|"
    r"(?:killing|killed) (?:a|an|one|two|three|four|five|\d+|several|many|some|the)? ?(?:\w+ )?(?:protest[eo]rs?|demonstrators?|marchers?)\b|"
    # the protesters as the ones killed: "two protesters were shot dead", "protesters have been killed"
    r"(?:protest[eo]rs?|demonstrators?|marchers?) (?:were|was|have been|had been|has been) (?:\w+ )?(?:killed|shot dead|gunned down)"
)
# Force on a gathering told with words of brutality: news wording for ACLED's excessive force
# ("violently dispersed", "used excessive force", "brutally attacked the demonstration").
BRUTAL_FORCE = (
    r"excessive force|brutally|violently (?:suppress|dispers|broke|break|crush|attack|beat|repress)\w*|"
    r"violent (?:crackdown|suppression|repression|dispersal)"
)
# Weapons of crowd control, and the gatherings they are fired at: force on a protest, not an attack.
CROWD_CONTROL = (
    r"tear ?gas|teargas|rubber bullets?|plastic bullets?|water cannons?|pepper[- ]spray\w*|stun grenades?|rubber-coated"
)
CROWD_AIMED = (
    r"crowds?|protest[eo]rs|demonstrators|marchers|rall(?:y|ies)|protests?|demonstrations?|disperse[ds]?|dispersing"
)
# Harm severe enough for ACLED's excessive force (deaths or serious injuries).
SERIOUS_HARM = r"hospitali[sz]ed|killed|died|dead|seriously (?:injured|wounded|hurt)|severely (?:injured|wounded|beaten)|critical condition"
# Violence aimed at a gathering: with deaths told, excessive force ("killed in attacks on peaceful protesters").
ATTACK_ON_GATHERING = (
    r"(?:attack\w*|assault\w*|fire[ds]?|firing|shot|shooting) (?:on|against|at|into) (?:the )?(?:\w+ ){0,2}"
    r"(?:protest[eo]rs|demonstrators|marchers|crowds?|protests?|rall(?:y|ies)|march|sit-ins?)|"
    r"(?:attacked|assaulted|beat|stormed)(?: and \w+)? (?:a |an |the )?(?:\w+ ){0,2}(?:protest[eo]rs|demonstrators|marchers|protests?|"
    r"rall(?:y|ies)|march|sit-ins?|demonstrations?|gathering)"
)
# A crowd of ordinary people named as who attacked a gathering: rioters, not the state's force on it
# ("a group of men attacked the rally", "the march was attacked by a mob", "counter-protesters assaulted").
CROWD_ATTACKERS = (
    r"(?:group|crowd|mob|bunch|band) of (?:[\w-]+ ){0,2}?(?:men|youths|people|persons|locals|residents|villagers|"
    r"supporters|(?-i:[A-Z][a-z]+(?:ans|is|ese|ers|ites|ks|s)))|mobs?|counter-?(?:protest[eo]rs|demonstrators)|"
    r"youths|young men|thugs|hooligans|"
    r"supporters of (?:[\w-]+ ){0,4}?(?:party|movement|group|president|candidate|government|league)"
)
# Fire with no target (warning shots, shots in the air): ACLED's Strategic developments / Other.
WARNING_FIRE = r"warning shots?|(?:shots?|fired|firing|shooting) (?:\w+ ){0,3}in(?:to)? the air"
# Ordnance left from an earlier war going off: ACLED codes these accidents as Strategic developments / Other.
LEGACY_ORDNANCE = (
    r"remnants? of (?:the )?war|unexploded ordnance|left ?over from|leftover|laid (?:during|in) the|"
    r"accidentally (?:stepped|triggered|detonated|hit)|stepped on an? (?:land ?)?mine"
)
# Sexual violence named in an attack ("attacked the village and raped women"): ACLED's Sexual violence.
SEXUAL = r"rap(?:e|ed|es|ing)|gang-?rap\w*|sexual(?:ly)? (?:assault\w*|abuse\w*|violence|attack\w*|violated)"
# Violence by the participants of a gathering.
PARTICIPANT_VIOLENCE = (
    r"stones?|rocks?|petrol bombs?|molotov|torched|set fire|set alight|set ablaze|on fire|burn(?:ed|t|ing)? (?:tyres|tires)|"
    r"tyres|tires|vandali[sz]ed|smashed|slingshots?|"
    # looting done there, not plundered money a gathering wants back ("the return of looted funds")
    r"loot(?:ed|ing)(?! (?:\w+ )?(?:funds|money|monies|wealth|assets|resources|billions|millions|cash))|"
    # things thrown, fires lit: "threw bottles at the police", "projectiles were thrown", "lit fires"
    r"(?:thr(?:ew|own|owing|ows?)|hurl(?:ed|ing|s)?|lobb(?:ed|ing)) (?:\w+ ){0,3}(?:bottles|projectiles|objects|bricks|"
    r"missiles|fireworks|firecrackers|flares|fences?|chairs|barriers)|(?:fire|fired|firing|set off) (?:fireworks|firecrackers)|"
    r"(?:bottles|projectiles|objects|bricks|fireworks|firecrackers|flares) (?:were |had been )?(?:thrown|hurled|lobbed)|"
    r"(?:lit|light(?:ing)?|start(?:ed|ing)?|set) (?:\w+ )?(?:fires|bonfires|blazes)|"
    r"damaged|stormed|storming|storms?|overr[au]n|overrunning|attacked|ransacked|pelted|clashed|violent|rampage|brawl\w*|scuffle\w*|"
    r"assaulted|injuring (?:police|officers)|hurled|barricad(?:ed|ing|es)(?! themselves| inside)|"
    r"broke into|broken into|forced (?:their|its|his|her) way into|overturned|turned over (?:\w+ ){0,3}(?:cars?|vehicles?|buses)|"
    # burning things other than symbols (burning an effigy or a flag is a peaceful gesture)
    r"(?:burn(?:ed|t|ing)?|set fire to|set on fire) "
    r"(?!(?:(?:the|an?|some|their|several|his|her|its) )?(?:\w+ )?(?:effig|flags?\b|candles?\b|posters?\b|pictures?\b|photo|portraits?\b|cop(?:y|ies)\b))"
    r"[a-z]+|"
    r"(?:\w+ )?were (?:burnt|burned|set on fire|set alight|vandali[sz]ed|destroyed)(?! by)|with burning|"
    # participants firing into the air (soldiers demonstrating); "police fired into the air" is skipped as force on them
    r"fir(?:ed|ing) (?:\w+ ){0,3}in(?:to)? the air(?! to disperse)"
)
# A gathering told as violent: "violent protests", "the march turned violent", "marred by violence".
# (Read as a whole-sentence pattern: "violent" is an adjective here, which the act test would skip.)
GATHERING_VIOLENT = (
    r"(?:violent|aggressive|unruly|rowdy) (?:[\w-]+ ){0,2}(?:protests?|demonstrations?|rall(?:y|ies)|marches|crowds?|"
    r"protest[eo]rs|demonstrators|mobs?)|"
    r"(?:turned|became|grew|got|turning) violent|"
    r"(?:marred|marked) by (?:\w+ )?(?:violence|clashes|rioting)|"
    r"(?:descended|degenerated|escalated|spiral(?:l?ed)|erupted|turned) into (?:\w+ ){0,6}(?:violence|clashes|riots?|rioting)|"
    r"(?:outbreaks?|scenes?|nights?|days?) of (?:\w+ ){0,2}(?:violence|rioting)|street violence|escalating violence"
)
# Clash words: in a gathering's sentence, told as what happened there (not its grievance), the crowd fought.
CLASH_WORDS = r"clash(?:es|ed|ing)?|confrontations?|skirmish(?:es|ed)?|scuffl(?:es|ed)|street battles?|pitched battles?"
# A gathering that fights the police: both sides use force, so ACLED codes a violent demonstration.
CLASH_WITH_POLICE = (
    r"clash\w*\b[^.;]{0,60}\b(?:with|between)\b[^.;]{0,40}\b(?:police\w*|officers|security forces|law enforcement)|"
    r"(?:police\w*|officers|security forces)\s+(?:clashed|fought|scuffled)\s+with\b|\brioters\b"
)
PROTEST_CONTEXT = r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|ers)?|agitat\w*|strik(?:e|ers|ing)|sit-in|picket\w*|demanding|to demand|in protest"
# Disruption typical of a violent demonstration, and the voicing of a grievance.
# Blocking a road is not violence (ACLED codes road blockades without violence as peaceful protests).
# Barricades are ACLED's own example of a violent demonstration's road-blocking ("set up barricades"; not
# people who barricaded themselves inside).
DISRUPTION = (
    r"(?:burn(?:ed|t|ing)?|lit|light(?:ing)?|set fire to) (?:\w+ )?(?:tyres|tires)|vandali[sz]\w*|"
    r"barricades\b|barricad(?:ed|ing) (?!themselves|himself|herself|inside|in\b)"
)
# A mob named as the doer: with no protest told, its violence is mob violence whatever it wrecked.
MOB_NAMED = r"mobs?|lynch\w*|vigilantes?"
# Troops on the other side of a crowd's fight: ACLED codes crowds fighting soldiers as violent
# demonstrations; a crowd resisting police at a checkpoint or a market closure is often mob violence, so
# the police count only against a crowd the news itself calls rioters.
TROOPS_SIDE = r"troops|soldiers|army|military|security forces|gendarmes?|gendarmerie|border guards?"
RIOTERS_VS_POLICE = (
    r"rioters\b[^.;]{0,60}\b(?:police\w*|officers|law enforcement)|(?:police\w*|officers)\b[^.;]{0,60}\brioters"
)
CROWD_FOUGHT_FORCES = (
    rf"(?:clash(?:ed|es|ing)?|fought|scuffled|skirmish(?:ed|es)?|battled|street battles?) (?:[\w-]+ ){{0,3}}"
    rf"(?:with|against) (?:the )?(?:[\w-]+ ){{0,2}}(?:{TROOPS_SIDE})\b|"
    rf"(?:{TROOPS_SIDE}) (?:\w+ ){{0,2}}(?:clashed|fought|scuffled|battled) with\b|"
    rf"clash(?:es)? between (?:the )?(?:[\w-]+ ){{0,3}}(?:{TROOPS_SIDE}) and|"
    rf"clash(?:es)? between (?:the )?(?:[\w-]+ ){{0,3}}and (?:the )?(?:[\w-]+ ){{0,2}}(?:{TROOPS_SIDE})\b|"
    + RIOTERS_VS_POLICE
)
# What a crowd burns to make its point: with these, burning is a violent demonstration, not property destruction.
PROTEST_FIRES = (
    r"(?:tyres|tires|barricades?|debris|mattress(?:es)?|rubbish|garbage|trash|sheets|blankets)|"
    r"(?:burn(?:ed|t|ing)?|set fire to|set on fire|set alight|lit|light(?:ing)?) (?:\w+ ){0,2}(?:tyres|tires|barricades?|debris|mattress(?:es)?|rubbish|garbage)"
)
GRIEVANCE = r"denounc\w*|in response to|angered by|outraged|to demand|demanding|calling for|called for|in anger over|against the (?:government|decision|policy|lockdown)"
# Unorganised crowds: their violence is a riot, not an armed group's.
CROWD = (
    r"mob|mobs|crowd|villagers|residents|locals|local people|community members|youths|group of (?:people|men|youths|villagers|residents)|"
    r"angry|irate|supporters|family members|relatives|inmates|prisoners|students|workers|labou?rers|traders|fans|people of|members of the public|"
    r"inhabitants|vendors|sellers|shopkeepers|merchants|citizens|"
    r"(?:two|rival|village) (?:\w+ )?groups|rioters|protest[eo]rs|demonstrators|"
    r"(?:[4-9]|\d\d+|four|five|six|seven|eight|nine|ten|several|some|dozens of|scores of|hundreds of|"
    r"(?:about|around|nearly|over|some) \d+) (?:[\w-]+ )?(?:people|persons|men|youths|young men|individuals)"
)
# Sides of a brawl: party members and supporters, villagers, farmers, people of a community.
CROWD_SIDES = (
    CROWD + r"|party members|members of (?:the )?(?:\w+ ){0,3}party|(?-i:[A-Z][\w-]+) members|inhabitants|nationals|"
    r"representatives|farmers|(?:farmer|village|family|clan|caste|party) groups"
)
# Sides or arms that make a fight an armed clash whatever else is said.
ORGANISED_FIGHTERS = (
    r"militants?|insurgents?|rebels?|fighters?|militiam[ae]n|militias?|jihadists?|gunm[ae]n|armed|"
    r"soldiers?|troops|gangs?|cartels?|hitm[ae]n|fire|shoot-?outs?|shots|guns?|rifles?|rockets?"
)
ARMED_AGENT = (
    r"gunm[ae]n|militants?|insurgents?|rebels?|fighters?|militiam[ae]n|militias?|jihadists?|soldiers?|troops?|police|policem[ae]n|"
    r"forces|army|guards?|guardsm[ae]n|gendarmes?|bandits?|assailants?|attackers?|armed|gangs?|cartel|terrorists?|kidnappers?|robbers?|pirates?|unidentified|unknown|"
    r"riding|on (?:a |two |three )?(?:motorcycles?|motorbikes?)|in (?:a |two )?(?:cars?|vehicles?|vans?|pick-?ups?)"
)
# People who bear arms: attacking them is a battle (Battles need two organised armed sides).
ARMED_PEOPLE = (
    r"soldiers?|troops?|servicem[ae]n|army|military|officers?|police(?:man|men|woman)?|policem[ae]n|cops?|constables?|gendarmes?|guards?|"
    r"militants?|insurgents?|rebels?|fighters?|militiam[ae]n|militias?|jihadists?|gunm[ae]n|commanders?|combatants?|"
    r"positions?|posts?|checkpoints?|convoys?|bases?|barracks|patrols?|outposts?|personnel|security forces|forces|"
    r"gang members?|gangsters?|cartel|armed men|armed group|armed (?:people|persons|individuals)|members of (?:the )?[A-Z]|bandits?|pirates?|"
    r"sniper|unit|battalion|brigade|squad|recruits?|conscripts?|mercenar(?:y|ies)|elements|vigilantes|vigilante group|rangers?|"
    r"(?:police|security|intelligence) agents?|members? of (?:the |a )?(?:[\w-]+ ){0,3}(?:forces|militia|security|police|army)"
)
CIVILIAN_PEOPLE = (
    r"civilians?|villagers?|residents?|farmers?|herders?|wom[ae]n|m[ae]n|boys?|girls?|child(?:ren)?|teenagers?|youths?|"
    r"students?|teachers?|traders?|merchants?|drivers?|passengers?|worshippers?|journalists?|reporters?|doctors?|nurses?|"
    r"health workers?|aid workers?|workers?|family|families|persons?|people|individuals?|pastor|priest|imam|chief|"
    r"businessm[ae]n|shopkeepers?|motorists?|activists?|politicians?|councill?ors?|lawyers?|judges?|refugees?|IDPs?|"
    r"displaced|homes?|houses?|market|hospital|school|church|mosque|vehicle|bus|car|body|bodies|corpse"
)
# Signs the victims fought back or that two sides exchanged fire.
EXCHANGE = r"exchange[ds]? (?:of )?(?:fire|gunfire)|shoot-?outs?|gun ?battles?|gun ?fights?|fire ?fights?|encounters?|crossfire|returned fire|retaliated|clash(?:ed|es)?|fought|fighting|both sides|in both directions|repelled|repulsed|counter-?attack"
# Words telling that someone took the ground over (the withdrawal words that hand it over are in keyed_words).
TAKEN_OVER = r"(?:took|take|takes|taken|taking) (?:over|control)|handed (?:\w+ ){0,3}over|in control of"
# What a search raid ends in, and harm that makes it an attack (the raid words are in keyed_words).
DETAINED = r"arrest\w*|detain\w*|detention|rounded up|apprehend\w*|taken into custody"
HARMED = r"kill\w*|shot|wound\w*|injur\w*|beat\w*|tortur\w*|dead|died|fired|opened fire"
# Any sign of force around ground taken, the taking words aside.
FORCE_TOLD = (
    EXCHANGE + r"|attack\w*|assault\w*|offensive|battles?|killed|killing|dead|deaths?|wounded|injur\w*|"
    r"casualt\w*|fire[ds]?|firing|gunfire|shell\w*|storm\w*|raid\w*|bomb\w*|strikes?|violent\w*|drove out|expelled|forced|"
    r"advanc\w+ (?:against|on)"
)
# Any sign of force around ground taken: without one, the ground changed hands peacefully.
FIGHT_TOLD = FORCE_TOLD + r"|re-?captur\w*|re - captur\w*|retak\w*|retook|overr[au]n|liberat\w*"
# Ground taken with no fight, said outright ("without firing a shot", "met no resistance").
NO_FIGHT = (
    r"without(?: [\w-]+){0,4}? (?:fight\w*|resistance|clash\w*|battles?|shots?|gunshots?|firing|bloodshed|violence|casualties)|"
    r"no (?:resistance|fighting|clashes)|unopposed|peacefully"
)
# Those who held the ground left it ("after the troops pulled out", "following the withdrawal of").
HOLDER_LEFT = (
    r"withdr[ae]w\w*|withdrawal|pull(?:ed|ing|s)? (?:out|back)|pull-?out|retreat\w*|vacat\w*|"
    r"abandon(?:ed|ing|s)? (?:their |its |the )?(?:positions?|posts?|bases?|towns?|city|villages?|areas?|camps?|ground)|"
    r"handed (?:\w+ ){0,3}over|hand(?:ed|ing)? (?:\w+ ){0,2}control|handover|ced(?:e|ed|ing)"
)
# Someone else came to hold ground that was left ("leaving it in the hands of the rebels").
GROUND_TAKEN = (
    r"re-?captur\w*|captur(?:ed|ing)|retook|retak\w*|regain\w*|seiz(?:ed|ing)|entered|moved into|"
    r"in(?:to)? the hands of|under the control of|handed (?:\w+ ){0,3}(?:control|authority)|in the face of"
)
# Ground only aimed at ("an attack to capture the positions", "tried to retake the town"): fighting.
ATTEMPT_BEFORE = (
    r"(?:attempt(?:ed|ing|s)?|tr(?:y|ied|ies|ying)|bid|efforts?|aim(?:ed|ing|s)?|attacks?|offensive|push|"
    r"seek(?:ing|s)?|sought|plan(?:ned|ning|s)?|in order|so as|fail(?:ed|ing|s)?|wants?|wanted|hop(?:e|es|ed|ing)) to$"
)
# Fire going both ways: a battle whatever the weapons (ACLED codes exchanges of artillery as clashes).
TWO_WAY = (
    r"exchange[ds]? (?:of )?(?:\w+ )?(?:fire|gunfire|shots|artillery|shelling)|exchanging (?:\w+ )?(?:fire|artillery)|shelling exchanges?|"
    r"in both directions|returned (?:the )?fire|fired back|responded to (?:the )?(?:[\w-]+ ){0,2}(?:fire|shelling|attack|assault)|"
    r"(?:responded|reacted|retaliated|replied) with (?:[\w-]+ )?(?:fire|gunfire|shots)|opened (?:gun)?fire in response|"
    r"in response,? (?:[\w-]+ ){0,3}opened (?:gun)?fire"
)
# Defenders who shot at a suicide attacker or killed one before the blast: the target could respond,
# so ACLED codes a clash, not a bombing ("guards fired at the car until it blew up").
BOMBER_ENGAGED = (
    r"(?:fired|opened fire|shot) (?:at|on) (?:the )?(?:[\w-]+ ){0,2}(?:bombers?|attackers?|assailants?|vehicle|car|truck)\b|"
    r"(?:killed|shot dead|shot|gunned down|neutrali[sz]ed) (?:one|two|both|some|several)? ?(?:of )?(?:the )?(?:suicide )?"
    r"(?:bombers?|attackers?|assailants?)\b"
)
# Aircraft or artillery backing a ground operation: the operation is the event (a battle), not a strike.
AIR_SUPPORT = (
    r"(?:backed|supported|assisted|aided|covered) by (?:[\w-]+ ){0,4}(?:air ?strikes?|air ?force|aircraft|helicopters?|"
    r"warplanes?|jets?|drones?|air support)|with (?:the )?(?:air|aerial) (?:support|cover)|"
    r"(?:operation|offensive|attack|assault|clash\w*|fighting)\b[^.;]{0,60}\bsupported by\b[^.;]{0,40}\b(?:air ?strikes?|air ?force)"
)
# Fighting words: with them, shelling is part of a battle ("clashes amid regime shelling").
FIGHTING = (
    r"clash(?:es|ed)?|gun ?battles?|gun ?fights?|fire ?fights?|shoot-?outs?|heavy fighting|fighting between|fought"
)
# Machine guns too heavy to count as small arms: fired alone, ACLED codes them like artillery.
HEAVY_GUNS = r"heavy (?:and medium )?machine ?-?guns?|heavy machineguns?|machine ?guns?,? (?:assumedly|reportedly|probably) heavy|\d\d\.\d ?mm|anti-aircraft guns?|cannons?"
HAND_GRENADE = r"(?<!propelled )(?<!propelled-)grenades?(?! launchers?)(?!-launchers?)"
DEVICE = r"\bied\b|improvised explosive|roadside bomb|landmines?|\bmines?\b|car bomb|explosive devices?|\bbomb\b|bombs|booby|unexploded|explosives?"
# Ground that changes hands: without one of these, a capture took people ("captured three rebels near the front").
TERRITORY = (
    r"villages?|towns?|city|cities|districts?|areas?|bases?|positions?|checkpoints?|strongholds?|hills?|"
    r"localit(?:y|ies)|regions?|territor(?:y|ies)|control|sites?|camps?|outposts?|roads?|highways?|airports?|"
    r"bridges?|neighbou?rhoods?|settlements?|province|military post|posts?|headquarters|barracks|island|"
    r"ports?|capital|crossings?|airfields?|airbases?|oil ?fields?|hilltops?|heights|valley"
)
MANY_BLASTS = r"explosions|blasts|projectiles|impacts"
# A weapon stopped before it could harm: defused, intercepted, shot down, failed to go off (Disrupted weapons use).
STOPPED_WEAPON = (
    r"defus\w+|prematurely|did not explode|didn't explode|failed to explode|failed to detonate|controlled explosion|"
    r"intercept(?:ed|ing)|shot down|dismantled (?:(?:the|an?|two|three|several|\d+) )?(?:\w+ )?(?:bombs?|explosives?|ieds?|devices?|mines?)|"
    r"(?:bombs?|explosives?|ieds?|devices?|mines?) (?:were|was|had been|have been|being) dismantled|"
    r"safely detonated|detonated safely|bomb disposal|bomb squad|"
    r"controlled detonation|(?:recovered|seized|found|discovered|unearthed|cleared|removed) (?:[\w,.-]+ ){0,4}(?:crude |country-made )?"
    r"(?:bombs|explosives|ieds|landmines|mines|grenades)"
)
# Explosives going off in the hands of those who laid or made them: ACLED counts the weapon as
# stopped (Disrupted weapons use), deaths among them included.
OWN_BLAST = (
    r"prematurely|while (?:planting|laying|making|assembling|handling|preparing|transporting)|"
    r"(?:they|he|she) (?:were|was) (?:planting|laying|making|assembling|handling|preparing)"
)
# Manned aircraft: shooting one down is fighting between armed sides, not a weapon stopped.
MANNED_AIRCRAFT = r"(?:fighter|jet|warplane|plane|aircraft|helicopter|gunship|bomber)s?|(?:su|mig|f|mi)-\d+\w*"
# Things whose seizure disrupts weapons use (seized drugs or goods are property, not weapons).
# Fighters captured (killed, injured or captured), not ground: the capture word takes people.
PEOPLE_CAPTURED = (
    r"(?:militants?|fighters?|rebels?|insurgents?|members|jihadists?|gunm[ae]n|suspects?)\b[^.;]{0,40}?\b"
    r"(?:(?:were|was|been) (?:\w+ )?|(?:killed|wounded|injured|arrested|detained|dead),? (?:or|and) )captured|"
    r"captur(?:ed|ing) (?:\d+ |\w+ ){0,3}(?:militants?|fighters?|rebels?|insurgents?|members|jihadists?|gunm[ae]n|suspects?)"
)
# A ceasefire binds two armed sides: fire that breaks it, with no civilian victim named, is a clash.
CEASEFIRE = r"cease-?fire|truce|armistice|line of contact|contact line|front ?line"
# Police and a crowd on the two sides of a clash: a riot (ACLED codes protesters fighting police as Riots).
CROWD_SIDE = (
    r"people|residents|villagers|locals|activists|protest[eo]rs|demonstrators|rioters|youths|workers|students|supporters|crowds?|"
    r"inhabitants|vendors|sellers|traders|shopkeepers|merchants|citizens|refugees|migrants|fans|drivers"
)
POLICE_SIDE = r"police(?:men)?|policem[ae]n|officers|security forces|riot police|law enforcement"
CROWD_VS_POLICE = (
    rf"between (?:the )?(?:{POLICE_SIDE}) and (?:the )?(?:\w+ ){{0,2}}(?:{CROWD_SIDE})|"
    rf"between (?:the )?(?:\w+ ){{0,2}}(?:{CROWD_SIDE}) and (?:the )?(?:{POLICE_SIDE})|"
    rf"(?:{CROWD_SIDE}|they|men) (?:\w+ ){{0,2}}clash(?:ed|es)? (?:with|against) (?:the )?(?:\w+ ){{0,2}}(?:{POLICE_SIDE})|"
    rf"(?:{POLICE_SIDE}) (?:\w+ ){{0,2}}(?:clashed|fought|scuffled) with (?:the )?(?:\w+ ){{0,2}}(?:{CROWD_SIDE})|"
    rf"clash(?:es)? (?:of|by) (?:the )?(?:\w+ ){{0,2}}(?:{CROWD_SIDE}) with (?:the )?(?:{POLICE_SIDE})"
)
# What an attack on property hits: with no person harmed or named as a target, ACLED codes the
# burning, wrecking or plundering of these as Strategic developments / Looting/property destruction.
PROPERTY = (
    r"houses?|homes?|huts?|buildings?|shops?|stores?|kiosks?|market|malls?|factory|factories|plants?|warehouses?|offices?|"
    r"residences?|premises|schools?|churches|church|mosques?|temples?|shrines?|vehicles?|cars?|trucks?|lorr(?:y|ies)|buses|"
    r"motorcycles?|motorbikes?|tractors?|crops?|fields?|farms?|trees?|orchards?|granar(?:y|ies)|livestock|cattle|cows?|"
    r"goats?|sheep|camels?|property|properties|masts?|towers?|antennas?|pipelines?|oil ?fields?|wells?|stations?|banks?|"
    r"hotels?|cafes?|restaurants?|stadiums?|equipment|machinery|infrastructure|installations?|facilit(?:y|ies)|clinics?|depots?|"
    r"supplies|goods|belongings|billboards?|statues?|monuments?|graves?|cemeter(?:y|ies)|ballot boxes"
)
# Harm done to things: burning, wrecking, plundering.
PROPERTY_HARM = (
    r"arson\w*|burn(?:ed|t|ing|s)?|torch(?:ed|ing|es)?|set (?:\w+ )?(?:on )?fire|set ablaze|set alight|vandali[sz]\w*|"
    r"loot\w*|pillag\w*|plunder\w*|ransack\w*|destroy\w*|destruction|damag\w*|smash\w*|demolish\w*|wreck\w*|"
    r"st(?:ole|olen|eal|ealing)|(?:taking|took|carried|carrying) away|cut down|uproot\w*|molotov|petrol bombs?|firebombs?"
)
# An attack aimed at things, named as such ("attacks on properties of traders", "raids on oil installations").
PROPERTY_ATTACKED = (
    r"(?:attack\w*|raid\w*|assault\w*) (?:on|upon|against) (?:the |its |their |his |her )?(?:[\w-]+ ){0,2}"
    r"(?:property|properties|premises|installations?|infrastructure)"
)
# An attack on a place where people live is an attack on them, whatever else is burnt.
SETTLEMENT_ATTACKED = (
    r"(?:attack\w*|raid\w*|storm\w*|assault\w*|overr\w*)(?: on| upon)? (?:the |a |an |several |two |three )?"
    r"(?:[\w-]+ ){0,2}(?:villages?|settlements?|camps?|communit(?:y|ies)|hamlets?|neighbou?rhoods?|localit(?:y|ies))"
)
# Words that say a person was harmed, once "no casualties" and the like are set aside.
PERSONAL_HARM = (
    r"injur\w*|wound\w*|hurt|casualt\w*|kill\w*|dead|death|bodies|body|abduct\w*|kidnap\w*|rap(?:e|ed)|beat(?:en|ing)?"
)
NO_HARM = (
    r"(?:animals?|livestock|cattle|cows?|sheep|goats?|camels?|horses?|donkeys?|poultry|chickens?) (?:\w+ ){0,2}(?:killed|injured|wounded|dead|died)|"
    r"(?:killed|killing|injured|wounded) (?:[\w-]+ ){0,2}(?:animals?|livestock|cattle|cows?|sheep|goats?|camels?|horses?|donkeys?|poultry|chickens?)|"
    r"\b(?:unharmed|unhurt|unscathed)|"
    r"(?:no|neither|nor|without|not any) (?:\w+ ){0,2}(?:casualt\w*|injur\w*|fatalit\w*|deaths?|victims?)"
    r"(?: (?:or|nor|and) (?:\w+ ){0,1}(?:casualt\w*|injur\w*|fatalit\w*|deaths?))?|"
    r"(?:no ?(?:one|body)|none) (?:\w+ ){0,2}(?:hurt|injured|harmed|wounded|killed)"
)
# A people named as a side: a plural nationality ("Palestinians", "Kenyan nationals") or a crowd.
PEOPLE_SIDE = rf"[A-Z][a-z]+(?:ans|is|ese|ers|ites)(?: nationals| citizens| youths?)?|[A-Z][a-z]+ (?:nationals|citizens|youths?)|{CROWD_SIDE}"
# Doers who bear no arms: a people, a crowd, or plain persons (not "unknown persons": those are assailants).
UNARMED_DOERS = PEOPLE_SIDE + r"|" + CROWD + r"|persons|men|young men|individuals|refugees|passengers|relatives|family"
# Doers named after a noun trigger or a passive verb: "an attack by a mob", "beaten up by three persons".
DOER_AFTER = r"\bby (?:a |an |the |some |several |\w+ )?(?:group of |mob of |crowd of )?(?:[\w-]+ ){0,2}?"
# Non-state fighters and firearms: with these a clash is a battle.
NON_STATE_FIGHTERS = (
    r"militants?|insurgents?|rebels?|fighters?|militiam[ae]n|militias?|jihadists?|gunm[ae]n|armed (?:men|group|individuals)|"
    r"gangs?|cartels?|shoot-?outs?|gunfire|shots|guns?|rifles?|rockets?|fired|shooting"
)
# Victims in the drug trade: ACLED codes violence against them as fighting between gangs.
DRUG_TRADE_PERSON = (
    r"(?:alleged |suspected |presumed )?(?:male |female )?(?:drug[- ](?:dealers?|traffickers?|lords?)|narco(?:s|traffickers?)?|"
    r"gang members?|members? of (?:a |the )?(?:rival )?(?:gang|cartel)|alleged members? of (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)"
)
DRUG_TRADE_PAST = (
    r"(?:victims?|he|she|they|both|all)\b[^.;]{0,60}\b(?:charges?|convicted|record|arrested|linked|involved|known)\b"
    r"[^.;]{0,50}\bdrug[- ]?(?:trafficking|dealing|trade)|"
    r"(?:victims?|he|she|they)\b[^.;]{0,30}\b(?:involved|member) (?:in|of) (?:a |the )?(?:gang|cartel|criminal group)"
)
# Who may impose security measures when no actor was resolved.
AUTHORITY = (
    r"government|authorities|governor\w*|ministry|minister|council|committee|municipalit(?:y|ies)|mayor|"
    r"prefect\w*|administration|police|army|military|forces"
)
# Soldiers or police not on duty: ACLED codes violence against them as violence against civilians.
OFF_DUTY = r"off[- ]duty|on leave|at home on leave|not (?:on|in) uniform"
# Death or torture in custody: violence against a detainee, who cannot fight back.
IN_CUSTODY = r"prisons?|in custody|in detention|detention cent(?:re|er)s?|while detained|interrogation|cells?"
# The kidnapped were killed: found dead, executed, or a killing told with the abduction.
ABDUCTEE_KILLED = (
    r"(?:and|then|later|before|after) (?:\w+ ){0,2}(?:killed|killing|executed|executing|murdered|beheaded|shot dead)|"
    r"found dead|(?:corpses?|bod(?:y|ies)) (?:was|were) found|(?:were|was) (?:later )?(?:killed|executed|murdered)|"
    r"(?:he|she|they) died|days later,? (?:he|she|they) died"
)
# Weapons that fire from a distance at an area: heavy machine guns, mortars, artillery, RPGs.
STANDOFF_WEAPONS = HEAVY_GUNS + r"|artillery|mortars?|rpgs?|recoilless|howitzers?|heavy (?:and medium )?weapons|shells"
# An area rather than people or positions as the target of fire.
AREA_TARGET = (
    r"(?:at|on|towards?|targeting) (?:the )?(?:[\w-]+ ){0,3}(?:villages?|areas?|neighbou?rhoods?|farms?|houses|homes|"
    r"districts?|city|town|outskirts|countryside|farmlands?|fields)"
)
# Places where drugs are made or grown: dismantling them destroys property.
DRUG_WORKS = r"(?:drug|cocaine|heroin|meth\w*|marijuana|cannabis|synthetic drug|processing) (?:\w+ )?(?:labs?|laborator(?:y|ies)|kitchens?|plantations?|factor(?:y|ies))|poppy fields?|coca (?:fields?|crops?)"
# Blocking a way: an act of protest (with violence, a violent demonstration rather than mob violence).
BLOCKADE = r"block(?:ed|ing|ade)s? (?:off )?(?:the |a |an )?(?:[\w-]+ ){0,2}(?:roads?|streets?|highways?|entrances?|bridges?|railway|tracks|gates?)"
# A later sentence tying a crowd's violence to demonstrations ("likely related to recent protests").
LINKED_TO_PROTESTS = r"(?:related|linked|connected) to (?:the )?(?:recent |ongoing )?(?:demonstrations|protests)|during (?:the |a )?(?:demonstration|protest)"
# Stores of an armed group's means that, seized, are its weapons taken out of use even when they hold no
# gun ("a cache of chemicals belonging to the militants", "bomb-making materials").
WAR_STORES = (
    r"(?:caches?|stash(?:es)?|stockpiles?|arsenals?) of (?:[\w-]+ ){0,3}(?:chemicals?|substances?|materials?|precursors?|"
    r"fertili[sz]ers?|fuel|equipment)|bomb-making|explosive (?:materials?|substances?|precursors?)|"
    r"(?:chemical|toxic) (?:substances?|agents?|materials?)|weapons?[- ](?:caches?|stash(?:es)?|depots?)"
)
ARMS = r"weapons?|arms|munitions?|ammunition|explosives?|rifles?|guns?|grenades?|rockets?|mortars?|bombs?|ieds?|detonators?|cartridges|rounds"
