import { render } from 'preact';
import { App } from './App.js';
import { get, path } from './api.js';
import { view } from './url.js';
import './style.css';

// The first chart's data, asked for before anything else: the server answers in order, and the
// overview's other requests (places, documents, timeline) can wait behind it
void get(path('/api/series', { place: view().place })).catch(() => {});

render(<App />, document.getElementById('app')!);
