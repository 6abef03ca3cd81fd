/**
 * The sentence splitter's phrasebook. Each entry is one paragraph and the sentences it must
 * split into, in order. `keptWhole` are paragraphs holding an abbreviation, initial or figure
 * that must NOT end a sentence; `nearMisses` look like them but MUST split.
 */
export interface SentenceCase {
  /** why the case is here (the rule or trap) */
  rule: string;
  sentences: string[];
  /** joins the sentences (default one space) */
  joiner?: string;
}

export const keptWhole: SentenceCase[] = [
  {
    rule: 'initialism U.S. before a name',
    sentences: ['The U.S. Army and U.S. Navy both sent observers to the talks.'],
  },
  {
    rule: 'initialism U.N. before a lower-case word',
    sentences: ['The country has been under U.N. sanctions for decades.'],
  },
  { rule: 'U.N. before a name', sentences: ['He met U.N. Secretary-General Guterres in Geneva.'] },
  { rule: 'currency US$', sentences: ['It earned roughly US$7 million each year.'] },
  { rule: 'title Dr.', sentences: ['Dr. Kim estimated their number at 5,000.'] },
  { rule: 'title Mr. mid-sentence', sentences: ['The talks with Mr. Darkin failed in 2003.'] },
  { rule: 'No. before a number', sentences: ['Under Resolution No. 84 the workers were sent home.'] },
  { rule: 'month Jan. before a day', sentences: ['On Jan. 4 the first group arrived in Vladivostok.'] },
  { rule: 'month Oct. before a day', sentences: ['The decree of Oct. 9 ended the programme.'] },
  { rule: 'St. Petersburg', sentences: ['Other communities live in St. Petersburg and Moscow.'] },
  { rule: 'e.g. before a capital', sentences: ['Some went to cities, e.g. Moscow, in the 1990s.'] },
  { rule: 'i.e. before a capital', sentences: ['They returned home, i.e. North Korea, in 1949.'] },
  { rule: 'etc. before a lower-case word', sentences: ['Fisheries, forestry, etc. employed most of them.'] },
  { rule: 'vs.', sentences: ['The ratio of workers vs. students changed after 1990.'] },
  { rule: 'approx.', sentences: ['There were approx. 1,800 Koreans in Kamchatka.'] },
  { rule: 'single initial', sentences: ['The study by J. Smith counted 2,000 workers.'] },
  { rule: 'two initials', sentences: ['According to A. N. Lankov the figure is too high.'] },
  { rule: 'decimal', sentences: ['They made up 0.43% to 0.49% of the population.'] },
  { rule: 'decimal 3.5', sentences: ['About 3.5 million people took part.'] },
  { rule: 'ca. before a year', sentences: ['The settlement dates from ca. 1870 according to records.'] },
  { rule: 'et al. before a bracket', sentences: ['Kim et al. (2020) found 300 deaths.'] },
  { rule: 'a.m. before a name', sentences: ['At 9 a.m. Moscow time the train left.'] },
  { rule: 'list enumerator', sentences: ['1. The first wave came in 1946.'] },
  { rule: 'abbreviation inside quotes', sentences: ['He said "the U.S. Army is not involved" and left.'] },
  { rule: 'ellipsis before a lower-case word', sentences: ['The numbers grew... and grew again.'] },
];

export const nearMisses: SentenceCase[] = [
  {
    rule: 'figure at the end of a sentence',
    sentences: ['Their total population was roughly 10,000.', 'Most of them live in Moscow.'],
  },
  {
    rule: 'year at the end of a sentence',
    sentences: ['Kim Jong Il visited Russia in 2011.', 'He negotiated for more workers.'],
  },
  { rule: 'U.S. then a sentence starter', sentences: ['Many moved to the U.S.', 'The rest stayed.'] },
  { rule: 'U.N. then a sentence starter', sentences: ['The report went to the U.N.', 'It was not published.'] },
  { rule: 'etc. then a capital', sentences: ['They built roads, bridges, etc.', 'Russia paid for it.'] },
  { rule: 'month abbreviation without a number', sentences: ['The vote was held in Jan.', 'The result came later.'] },
  { rule: 'No. without a number', sentences: ['The answer was no.', 'They stayed.'] },
  { rule: 'single letter then a starter', sentences: ['The unit was called Group A.', 'It had 300 men.'] },
  { rule: 'question mark', sentences: ['How many came?', 'Nobody knows.'] },
  { rule: 'exclamation mark', sentences: ['They escaped!', 'Then they were caught.'] },
  { rule: 'closing quote stays', sentences: ['He called it "loyalty payments."', 'Most paid.'] },
  { rule: 'closing bracket stays', sentences: ['(The figure is disputed.)', 'Others agree.'] },
  { rule: 'next sentence opens with a quote', sentences: ['He said it twice.', '"It is not tidy," he added.'] },
  { rule: 'next sentence opens with a digit', sentences: ['Few were counted.', '65% of them stayed.'] },
  { rule: 'next sentence opens with a currency sign', sentences: ['Wages were low.', '$40 was typical.'] },
  {
    rule: 'attached citation marks stay with their sentence',
    sentences: ['They are one of the smaller groups of overseas Vietnamese.[1][6]', 'However, estimates vary.'],
  },
  {
    rule: 'a lone citation after a space joins the previous sentence',
    sentences: ['Exactly how many went to Kamchatka is not known. [2]', 'One survey published in 2020 disagrees. [3]'],
  },
  {
    rule: 'citation needed',
    sentences: ['About 300 died.[citation needed]', 'The rest survived.'],
  },
  { rule: 'Jr. then a starter', sentences: ['The envoy was John Smith Jr.', 'He spoke Korean.'] },
  { rule: 'St. then a starter', sentences: ['They lived on Nevsky St.', 'The flat was small.'] },
  { rule: 'ellipsis then a capital', sentences: ['The numbers grew...', 'Then they fell.'] },
  { rule: 'non-Latin sentence start', sentences: ['The term is Korean.', '탈북자 means defector.'] },
  {
    rule: 'newline inside a block is a space, not a boundary',
    sentences: ['The first line ends here.', 'The second\nline continues.'],
    joiner: '\n',
  },
];
