// The demo newsroom's text: original, invented stories for a fictional site.

export interface DemoSection {
  name: string;
  slug: string;
  description: string;
  color: [string, string];
}

export interface DemoArticle {
  section: string;
  title: string;
  kicker: string;
  standfirst: string;
  dateline: string;
  paragraphs: string[];
  quote?: { text: string; attribution: string };
  footnote?: { marker: string; text: string };
  tags: string[];
}

export const SECTIONS: DemoSection[] = [
  { name: 'World', slug: 'world', description: 'News from every continent.', color: ['#1d3557', '#457b9d'] },
  { name: 'Politics', slug: 'politics', description: 'Parliaments, elections and the people who run them.', color: ['#6a040f', '#d00000'] },
  { name: 'Business', slug: 'business', description: 'Markets, companies and the economy.', color: ['#004b23', '#38b000'] },
  { name: 'Science', slug: 'science', description: 'Research, space and the natural world.', color: ['#3c096c', '#9d4edd'] },
  { name: 'Culture', slug: 'culture', description: 'Books, film, music and the arts.', color: ['#7f5539', '#ddb892'] },
  { name: 'Sport', slug: 'sport', description: 'Results, previews and the stories behind the scores.', color: ['#023e8a', '#00b4d8'] },
];

export const AGENCIES = ['Harbor Press Photo', 'Northlight Images', 'Meridian Agency', 'Staff Photo'];
export const PHOTOGRAPHERS = ['Lena Marsh', 'Tomas Okafor', 'Ana Ribeiro', 'Kenji Watanabe', 'Sara Lindqvist', 'Omar Haddad'];

const a = (
  section: string, title: string, kicker: string, standfirst: string, dateline: string,
  paragraphs: string[], tags: string[], extra: Partial<DemoArticle> = {},
): DemoArticle => ({ section, title, kicker, standfirst, dateline, paragraphs, tags, ...extra });

export const ARTICLES: DemoArticle[] = [
  a('world', 'Flood barriers hold as river crests in the lowland delta', 'Weather', 'Engineers say the new gates spared thousands of homes, but farmland upstream remains under water.', 'Valmora', [
    'The river peaked overnight at its highest level in two decades, and the movable barriers finished last spring stayed shut through the surge.',
    'Upstream, where no gates were built, water covered fields of winter wheat and cut two regional roads.',
    'Local officials said the cost of the damage would be counted once the water drains, which could take a week.',
  ], ['floods', 'climate'], { quote: { text: 'The gates did exactly what they were designed to do.', attribution: 'Chief engineer of the delta authority' } }),
  a('world', 'Coastal nations sign pact to share fishing data', 'Oceans', 'Eleven governments agree to publish catch figures monthly in an effort to protect shrinking stocks.', 'Port Elsin', [
    'Delegates signed the agreement after three days of talks, committing their fleets to electronic logbooks by next year.',
    'Scientists have long complained that patchy figures make it impossible to tell which stocks are recovering.',
  ], ['oceans', 'diplomacy']),
  a('world', 'Mountain villages reconnected after landslide closes pass', 'Infrastructure', 'A temporary bridge restores the only road link for four communities cut off for nine days.', 'Kestra Valley', [
    'Army engineers assembled the steel bridge in under two days, working through snow showers.',
    'Residents had relied on helicopter drops of food and medicine since the slope gave way.',
  ], ['infrastructure']),
  a('world', 'Desert solar corridor begins sending power across the border', 'Energy', 'The first interconnector of its kind in the region carries enough electricity for a mid-sized city.', 'Sahrin', [
    'The line runs 400 kilometres from the panels to the grid of the neighbouring country.',
    'Both governments called the project a model, though critics question who pays if demand falls.',
  ], ['energy', 'climate']),
  a('world', 'Island census finds population growing for the first time in 40 years', 'Demographics', 'Remote work and a new ferry link have brought young families back to the archipelago.', 'Norrholm', [
    'The count recorded 2,310 residents, up from 2,104 a decade ago.',
    'The school, which nearly closed in 2015, now has a waiting list for its first class.',
  ], ['society']),
  a('world', 'Aid convoy reaches border town after week-long delay', 'Humanitarian', 'Trucks carrying food and water crossed at dawn after negotiators agreed a six-hour window.', 'Tarsel', [
    'Forty vehicles made the crossing, according to the relief coordinators who organised the convoy.',
    'Aid workers said supplies would last about ten days and urged a permanent arrangement.',
  ], ['humanitarian', 'diplomacy'], { footnote: { marker: '*', text: 'Figures on the number of vehicles were supplied by the relief organisations and could not be independently verified.' } }),
  a('world', 'Ancient trade route reopens to walkers after restoration', 'Heritage', 'A 120-kilometre path once used by salt merchants is waymarked again, with hostels along its length.', 'Ostravel', [
    'Volunteers spent three summers clearing the path and rebuilding dry-stone walls.',
    'Tourism officials hope walkers will spread visitors beyond the crowded old town.',
  ], ['heritage', 'travel']),
  a('politics', 'Parliament passes budget after all-night session', 'Legislature', 'The spending plan cleared its final vote by four seats, ending weeks of uncertainty.', 'Capital City', [
    'Members debated amendments until shortly after 5am, when the speaker called the final division.',
    'The opposition said the plan underfunds rural hospitals and promised to revisit it after the election.',
  ], ['budget', 'parliament'], { quote: { text: 'This is a budget for the next ten years, not the next ten weeks.', attribution: 'Finance minister' } }),
  a('politics', 'Electoral commission proposes longer polling hours', 'Elections', 'Polling stations would stay open until 10pm under a plan meant to ease queues seen at the last vote.', 'Capital City', [
    'The commission said waiting times exceeded two hours at a fifth of urban polling stations last time.',
    'Parties have until the end of next month to comment on the proposal.',
  ], ['elections']),
  a('politics', 'Mayor unveils plan to turn car parks into housing', 'Cities', 'Twelve municipal car parks would be sold to builders who promise a third of homes at below-market rent.', 'Eastport', [
    'The plan would create about 1,800 homes over eight years, the city said.',
    'Shop owners near two of the sites worry that customers will have nowhere to park.',
  ], ['housing', 'cities']),
  a('politics', 'Regional leaders agree on shared water authority', 'Governance', 'Three provinces will manage one river basin jointly after years of disputes over irrigation.', 'Lindmoor', [
    'The new authority will set extraction limits each spring based on snowfall measurements.',
    'Farmers’ groups welcomed the deal but asked for seats on its board.',
  ], ['water', 'governance']),
  a('politics', 'Minister resigns over procurement inquiry', 'Government', 'The transport minister stepped down pending an independent review of a rail signalling contract.', 'Capital City', [
    'In a short statement she said she had done nothing wrong but did not want to distract from the inquiry.',
    'The prime minister named her deputy as acting minister.',
  ], ['government'], { footnote: { marker: '*', text: 'The former minister denies any wrongdoing. No charges have been brought.' } }),
  a('politics', 'Young voters register in record numbers ahead of referendum', 'Elections', 'More than 300,000 people under 25 joined the roll in the month before the deadline.', 'Capital City', [
    'Campaigns on both sides targeted students with events on university campuses.',
    'Officials extended the registration website’s capacity after it slowed on the final evening.',
  ], ['elections', 'youth']),
  a('business', 'Central bank holds rates, signals cut next year', 'Economy', 'Policymakers kept borrowing costs unchanged but said inflation was finally slowing.', 'Capital City', [
    'The decision was unanimous, the first time in more than a year that no member voted for a change.',
    'Markets rallied on the hint of cheaper credit, with bank shares leading the gains.',
  ], ['economy', 'markets']),
  a('business', 'Port strike ends with three-year wage deal', 'Labour', 'Dockworkers return to work after a nine-day stoppage that left ships queuing offshore.', 'Eastport', [
    'The agreement raises pay by 14 percent over three years and limits automated cranes to new terminals.',
    'Shipping companies said it would take two weeks to clear the backlog.',
  ], ['labour', 'trade']),
  a('business', 'Family bakery chain opens its 100th shop', 'Retail', 'A business started in a single kitchen forty years ago now employs 1,200 people.', 'Westbridge', [
    'The founders’ grandchildren now run the company, which still bakes overnight in every shop.',
    'The chain plans another twenty openings next year, mostly in smaller towns.',
  ], ['retail']),
  a('business', 'Electric bus maker wins contract for 400 vehicles', 'Transport', 'The order from three cities is the largest yet for the regional manufacturer.', 'Harrowgate', [
    'Deliveries will begin next autumn and run for three years.',
    'The company will hire 300 workers at its assembly plant to meet the order.',
  ], ['transport', 'energy']),
  a('business', 'Coffee prices climb as harvest forecasts shrink', 'Commodities', 'Dry weather in two growing regions has pushed futures to a twelve-year high.', 'Market Desk', [
    'Roasters warned that retail prices could rise by the spring.',
    'Analysts said the market would watch rainfall closely over the next six weeks.',
  ], ['markets', 'food']),
  a('business', 'Startup turns farm waste into packaging foam', 'Innovation', 'A factory using straw and husks replaces polystyrene for an electronics retailer.', 'Greenfield', [
    'The material breaks down in garden compost within three months, the company says.',
    'It raised new funding last month to build a second line.',
  ], ['innovation', 'climate']),
  a('science', 'Telescope captures birth of a planetary system', 'Astronomy', 'Images show gaps in a dust disc where astronomers believe young planets are forming.', 'Observatory Ridge', [
    'The disc lies about 450 light years away and is thought to be less than a million years old.',
    'Researchers counted four rings, each possibly swept clear by an unseen planet.',
  ], ['space'], { quote: { text: 'We are watching a solar system being assembled.', attribution: 'Lead author of the study' } }),
  a('science', 'Bees learn to recognise faces, study finds', 'Biology', 'Honeybees trained with sugar rewards picked out the right photograph up to 80 percent of the time.', 'University Town', [
    'The insects appear to combine features into a whole, as people do, rather than memorising single details.',
    'The authors say the findings could inform face-recognition software that needs little computing power.',
  ], ['biology', 'research']),
  a('science', 'Deep-sea survey names 30 new species', 'Oceans', 'A month-long expedition found sponges, worms and a translucent sea cucumber never described before.', 'Research Vessel Aurora', [
    'Robotic vehicles collected samples from depths of up to 4,800 metres.',
    'Some of the species live on mineral nodules that mining companies hope to harvest.',
  ], ['oceans', 'biology']),
  a('science', 'Glacier retreat measured from century-old photographs', 'Climate', 'Comparing archive glass plates with drone images shows a loss of 1.2 kilometres since 1920.', 'Alpine Station', [
    'Researchers matched each old photograph to the exact spot it was taken from.',
    'The pace of retreat has doubled since the 1990s, according to the study.',
  ], ['climate', 'research']),
  a('science', 'Quantum sensor detects underground water pipes', 'Technology', 'A gravity sensor mapped a city’s buried mains without digging a single hole.', 'Technical University', [
    'Utilities lose up to a third of treated water through leaks they cannot find.',
    'The device still fits only in a van, but engineers aim to shrink it to a backpack.',
  ], ['technology', 'water']),
  a('science', 'Ancient seeds sprout after 2,000 years in storage jar', 'Archaeology', 'Botanists coaxed three date palm seedlings from seeds found in a desert fortress.', 'Botanical Institute', [
    'Radiocarbon tests confirmed the seeds’ age before they were planted.',
    'The team hopes the plants will reveal traits lost in modern varieties.',
  ], ['archaeology', 'biology']),
  a('science', 'Moon mission returns samples from far side', 'Space', 'A capsule carrying two kilograms of rock and soil landed safely in the steppe.', 'Recovery Zone', [
    'Scientists will study whether the far side’s crust formed differently from the near side.',
    'Samples will be shared with laboratories in nine countries.',
  ], ['space']),
  a('culture', 'Forgotten novelist’s manuscript found in attic', 'Books', 'An unpublished novel by a writer who died in obscurity will be printed next spring.', 'Old Harbour', [
    'The typescript, with handwritten corrections, was found in a trunk by the writer’s great-niece.',
    'Critics who have read it describe a sharp comedy of small-town manners.',
  ], ['books']),
  a('culture', 'Film festival opens with debut from first-time director', 'Film', 'A quiet drama about a lighthouse keeper’s daughter received a standing ovation.', 'Lakeside', [
    'The director, a former documentary editor, shot the film in 23 days on a small island.',
    'Twelve films compete for the festival’s main prize this year.',
  ], ['film']),
  a('culture', 'Orchestra performs in flooded concert hall’s car park', 'Music', 'Musicians moved outdoors when storm damage closed their venue, and 3,000 people came.', 'Riverside', [
    'The programme was shortened to an hour and played under borrowed lights.',
    'The hall is expected to reopen in February after repairs.',
  ], ['music']),
  a('culture', 'Museum returns carved panels to their village of origin', 'Heritage', 'Six wooden panels taken a century ago go home after a five-year review.', 'Veldhaven', [
    'Elders received the panels at a ceremony in the square where they once hung.',
    'The museum said provenance research showed they were removed without consent.',
  ], ['heritage', 'museums']),
  a('culture', 'Street artists transform grey tower blocks', 'Art', 'Twenty murals now cover housing estates that residents voted to decorate.', 'Northgate', [
    'Each design was chosen by the tenants of the building it covers.',
    'The project will be extended to three more estates next year.',
  ], ['art', 'cities']),
  a('culture', 'Poetry prize goes to collection written on night buses', 'Books', 'The winner wrote every poem on her commute home from hospital night shifts.', 'Capital City', [
    'Judges praised the book’s attention to strangers and small hours.',
    'The prize carries an award and a year’s residency at a writers’ house.',
  ], ['books']),
  a('sport', 'Underdogs reach cup final with late winner', 'Football', 'A header in the 89th minute sent the second-division side to their first final.', 'Stadium North', [
    'The visitors had survived forty minutes of pressure before their only corner of the half.',
    'Their manager called it the best night in the club’s 110 years.',
  ], ['football'], { quote: { text: 'Nobody gave us a chance. We gave ourselves one.', attribution: 'Team captain' } }),
  a('sport', 'Marathon record falls on cold, windless morning', 'Athletics', 'The course record dropped by 41 seconds as the leading pack stayed together until 35 kilometres.', 'Harbour City', [
    'The winner broke away on the final climb and finished alone.',
    'More than 28,000 runners completed the race.',
  ], ['athletics']),
  a('sport', 'Women’s league announces full professional contracts', 'Basketball', 'All players in the top division will receive year-round salaries from next season.', 'League Office', [
    'A new broadcast agreement funds most of the increase.',
    'Players’ representatives said the change would keep talent from moving abroad.',
  ], ['basketball']),
  a('sport', 'Cyclists brave snow on mountain stage', 'Cycling', 'Organisers shortened the stage by 30 kilometres after snow fell on the summit finish.', 'Col d’Arvent', [
    'The race leader kept his jersey despite losing a minute on the final climb.',
    'Two riders abandoned with hypothermia and were treated in hospital.',
  ], ['cycling']),
  a('sport', 'Swimmer, 15, qualifies for world championships', 'Swimming', 'The teenager beat the national record twice in one day at the trials.', 'Aquatic Centre', [
    'She trains at a municipal pool before school, five mornings a week.',
    'Her coach said she would swim only one event to avoid overloading her.',
  ], ['swimming', 'youth']),
  a('sport', 'Chess olympiad draws record 190 teams', 'Chess', 'Players from every continent gather for two weeks of play in a converted exhibition hall.', 'Fairground', [
    'The youngest competitor is eleven; the oldest is eighty-four.',
    'Organisers added anti-cheating scanners at the hall’s entrances.',
  ], ['chess']),
  a('world', 'Новый мост соединил берега реки после десяти лет строительства', 'Transport', 'A Cyrillic-titled story from our partner desk, kept in the original to show transliterated slugs.', 'Riverside', [
    'The bridge cuts a 40-minute ferry crossing to five minutes by car.',
    'Residents on both banks gathered for the opening ceremony.',
  ], ['infrastructure']),
  a('science', 'Volunteers count a record number of migrating cranes', 'Nature', 'Over a single weekend observers logged 61,000 birds resting at a lake on their route south.', 'Lake Myrr', [
    'Warmer autumns mean the cranes now stay longer before crossing the mountains.',
    'The count has run every year since 1982.',
  ], ['biology', 'climate']),
];
